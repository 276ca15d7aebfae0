"""The models and their registries, the extension points: embedders, generators (extractive, local,
openai), fetching and verifying the packaged models (setup.py), and the ONNX export of the default embedder."""
