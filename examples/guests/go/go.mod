module github.com/fssdk-java/examples/guests/go

go 1.26

require github.com/functionstream/function-stream/go-sdk v0.0.0

// fssdk-java's Go SDK (./fssdk) has Function Stream's go-sdk API name for name and builds with mainline
// Go: this one line is all an operator written for Function Stream changes to build here.
replace github.com/functionstream/function-stream/go-sdk => ./fssdk
