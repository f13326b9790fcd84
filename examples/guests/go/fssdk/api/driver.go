// Licensed under the Apache License, Version 2.0 (http://www.apache.org/licenses/LICENSE-2.0).

package api

// Module is one module handed to Driver.Exec: a name and its bytes.
type Module struct {
	Name  string
	Bytes []byte
}

// Driver is a stream operator. The runtime calls Init once per instance, then Process,
// ProcessWatermark, TakeCheckpoint, CheckHeartbeat, Exec and Custom in any order, and Close last.
// An error returned from any method fails the call: the host discards the instance and starts a
// fresh one (calling Init again with the same configuration) before the next call.
type Driver interface {
	Init(ctx Context, config map[string]string) error
	Process(ctx Context, sourceID uint32, data []byte) error
	ProcessWatermark(ctx Context, sourceID uint32, watermark uint64) error
	TakeCheckpoint(ctx Context, checkpointID uint64) error
	CheckHeartbeat(ctx Context) bool
	Close(ctx Context) error
	Exec(ctx Context, className string, modules []Module) error
	Custom(ctx Context, payload []byte) ([]byte, error)
}

// BaseDriver gives every Driver method a default: do nothing and succeed, report healthy, and
// answer Custom with a copy of the payload. Embed it and override what the operator needs.
type BaseDriver struct{}

// Init does nothing.
func (BaseDriver) Init(Context, map[string]string) error { return nil }

// Process does nothing.
func (BaseDriver) Process(Context, uint32, []byte) error { return nil }

// ProcessWatermark does nothing (the watermark is not forwarded).
func (BaseDriver) ProcessWatermark(Context, uint32, uint64) error { return nil }

// TakeCheckpoint does nothing.
func (BaseDriver) TakeCheckpoint(Context, uint64) error { return nil }

// CheckHeartbeat reports healthy.
func (BaseDriver) CheckHeartbeat(Context) bool { return true }

// Close does nothing.
func (BaseDriver) Close(Context) error { return nil }

// Exec does nothing.
func (BaseDriver) Exec(Context, string, []Module) error { return nil }

// Custom answers with a copy of the payload.
func (BaseDriver) Custom(_ Context, payload []byte) ([]byte, error) { return CloneBytes(payload), nil }

// CloneBytes copies b; nil stays nil.
func CloneBytes(b []byte) []byte {
	if b == nil {
		return nil
	}
	out := make([]byte, len(b))
	copy(out, b)
	return out
}
