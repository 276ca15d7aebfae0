"""Serving: the assistant wired once (service.py), the JSON contracts (schemas.py), uploads, one FastAPI
router per resource, and the web page, which imports only the service and the schemas."""
