# Building and publishing: build-report, check's rendering, serve and its preview, the writers.
