// Licensed under the Apache License, Version 2.0 (http://www.apache.org/licenses/LICENSE-2.0).

package api

import "fmt"

// ErrorCode classifies an SDKError. The values are Function Stream's.
type ErrorCode string

// The error codes of Function Stream's Go SDK.
const (
	ErrRuntimeInvalidDriver  ErrorCode = "runtime_invalid_driver"
	ErrRuntimeNotInitialized ErrorCode = "runtime_not_initialized"
	ErrRuntimeClosed         ErrorCode = "runtime_closed"
	ErrStoreInvalidName      ErrorCode = "store_invalid_name"
	ErrStoreInternal         ErrorCode = "store_internal"
	ErrStoreNotFound         ErrorCode = "store_not_found"
	ErrStoreIO               ErrorCode = "store_io"
	ErrResultUnexpected      ErrorCode = "result_unexpected"
)

// SDKError is the error every SDK call returns: a code and a message.
type SDKError struct {
	Code    ErrorCode
	Message string
}

// Error renders "code: message".
func (e *SDKError) Error() string { return fmt.Sprintf("%s: %s", e.Code, e.Message) }

// NewError builds an *SDKError with a formatted message.
func NewError(code ErrorCode, format string, args ...any) error {
	return &SDKError{Code: code, Message: fmt.Sprintf(format, args...)}
}
