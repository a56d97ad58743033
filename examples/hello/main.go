// hello prints the platform it was built for. bin/demo cross-compiles it for several platforms and publishes
// the results as one multi-architecture image, so each machine that pulls it runs its own build.
package main

import (
	"os"
	"runtime"
	"runtime/debug"
)

func main() {
	platform := runtime.GOOS + "/" + runtime.GOARCH
	// GOARM is not in package runtime; Go records it among the build settings of the binary (Go 1.18+).
	if info, ok := debug.ReadBuildInfo(); ok {
		for _, setting := range info.Settings {
			if setting.Key == "GOARM" && setting.Value != "" {
				platform += "/v" + setting.Value
			}
		}
	}
	os.Stdout.WriteString("hello from " + platform + "\n")
}
