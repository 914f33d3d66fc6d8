# The commands' own messages: init, status, changes, newsletter, the authoring commands
# (project, fase, resultaat, rapportage) and their refusals.
