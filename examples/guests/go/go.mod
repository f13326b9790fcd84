module github.com/fssdk-java/examples/guests/go

go 1.23.0

require github.com/functionstream/function-stream/go-sdk v0.0.0

require go.bytecodealliance.org/cm v0.3.0 // indirect

// Function Stream's Go SDK is not published as a tagged module: point this at a checkout of
// https://github.com/FunctionStream/function-stream (build.sh does, from $FUNCTION_STREAM_HOME).
replace github.com/functionstream/function-stream/go-sdk => ../../../../function-stream/go-sdk
