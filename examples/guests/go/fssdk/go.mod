// fssdk-java's Go guest SDK, with the module path of Function Stream's Go SDK so that operators written
// for Function Stream build against it with one replace line. No dependencies: the WIT runtime the
// bindings need is internal/wit (see its package docs).
module github.com/functionstream/function-stream/go-sdk

go 1.26
