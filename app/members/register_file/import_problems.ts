/** One thing wrong with one cell (or row), named as the user sees it in Excel. */
export type ImportProblem = {
  line: number
  column: string
  code:
    | 'required'
    | 'too_long'
    | 'cvr_invalid'
    | 'ean_invalid'
    | 'ean_required'
    | 'excel_scientific'
    | 'postcode_invalid'
    | 'date_invalid'
    | 'email_invalid'
    | 'duplicate_in_file'
    | 'duplicate_contact'
    | 'conflicting_value'
    | 'flag_invalid'
    | 'status_invalid'
    | 'status_change_not_allowed'
    | 'tier_unknown'
    | 'missing_column'
    | 'name_taken'
    | 'ambiguous_match'
    | 'unreadable'
    | 'too_many_rows'
    | 'too_many_columns'
    | 'too_many_cells'
    | 'row_too_long'
    | 'value_too_long'
    | 'too_many_problems'
  params?: Record<string, string | number>
}
