# Diagnostics of the data: loading, the structure of each file, the checks across files.

diagnostics-error = error
diagnostics-warning = warning
diagnostics-hint = hint
diagnostics-errors = { $count ->
    [one] 1 error
   *[other] { $count } errors
}
diagnostics-warnings = { $count ->
    [one] 1 warning
   *[other] { $count } warnings
}
# The line that ends a listing: "1 error, 29 warnings".
diagnostics-summary = { $errors }, { $warnings }
