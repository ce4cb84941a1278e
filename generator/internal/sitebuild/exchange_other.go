//go:build !linux

package sitebuild

import "errors"

// exchange is not available here: swap moves the old site aside instead.
func exchange(a, b string) error { return errors.ErrUnsupported }
