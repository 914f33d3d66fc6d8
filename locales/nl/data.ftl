# Diagnostics of the data: loading, the structure of each file, the checks across files.

diagnostics-error = fout
diagnostics-warning = waarschuwing
diagnostics-hint = tip
diagnostics-errors = { $count ->
    [one] 1 fout
   *[other] { $count } fouten
}
diagnostics-warnings = { $count ->
    [one] 1 waarschuwing
   *[other] { $count } waarschuwingen
}
# De regel onder een lijst: "1 fout, 29 waarschuwingen".
diagnostics-summary = { $errors }, { $warnings }
