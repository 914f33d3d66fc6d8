# The command line: --help of every command and flag, the man page, the command line's own errors.
