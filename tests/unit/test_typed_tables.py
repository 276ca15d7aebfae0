"""Tables the request types row by row, with a column to work out and a total row (draft/typed_tables.py)."""

from assistant.draft.typed_tables import worked_table


def test_each_rows_rate_of_its_whole_and_the_total_row_are_worked_out():
    table = worked_table("Báo cáo kết quả năm 2026, bảng theo khu vực: các cột Khu vực; Tổng số xã; Số xã đạt tiêu chí; "
                         "Tỷ lệ đạt (%), lấy 1 chữ số thập phân, thêm dòng Toàn tỉnh ở cuối. Khu vực I; 24; 21. "
                         "Khu vực II; 32; 24. Khu vực III; 19; 12.")
    assert table == [["TT", "Khu vực", "Tổng số xã", "Số xã đạt tiêu chí", "Tỷ lệ đạt (%)"],
                     ["1", "Khu vực I", "24", "21", "87,5"], ["2", "Khu vực II", "32", "24", "75,0"],
                     ["3", "Khu vực III", "19", "12", "63,2"], ["", "Toàn tỉnh", "75", "57", "76,0"]]


def test_each_rows_share_of_the_total_is_worked_out_and_rows_are_named_as_the_first_is():
    table = worked_table("I need only the table. Columns: TT, Trung tâm Y tế khu vực, số ca, share of the provincial "
                         "total (%, two decimals). Nha Trang Trung tâm Y tế khu vực 1.320 ca; Cam Ranh 945; Phan Rang "
                         "2.535. Add a final row 'Toàn tỉnh' with the total.")
    assert table[0] == ["TT", "Trung tâm Y tế khu vực", "Số ca", "Share of the provincial total (%)"]
    assert table[1:] == [["1", "Trung tâm Y tế khu vực Nha Trang", "1.320", "27,50"],
                         ["2", "Trung tâm Y tế khu vực Cam Ranh", "945", "19,69"],
                         ["3", "Trung tâm Y tế khu vực Phan Rang", "2.535", "52,81"], ["", "Toàn tỉnh", "4.800", "100,00"]]


def test_a_table_with_nothing_to_work_out_or_rows_not_all_given_is_left_to_the_other_tables():
    assert worked_table("Các cột: Đơn vị; Số ca; Ghi chú. Nha Trang; 12. Cam Ranh; 9.") is None  # nothing worked out
    assert worked_table("Các cột: Đơn vị; Số ca; Tỷ lệ (%). Nha Trang; 12. Cam Ranh chưa báo cáo.") is None
    assert worked_table("Soạn kế hoạch hội nghị tổng kết năm 2026, tỷ lệ đạt 95%.") is None
