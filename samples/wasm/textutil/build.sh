#!/usr/bin/env bash
# Rebuilds ../textutil.wasm from textutil.wat with libwasmtime's WAT parser (the one the renderer ships), through the
# test that checks the committed binary: no Rust, emscripten or wabt needed, only the .NET SDK.
set -euo pipefail
root="$(cd "$(dirname "$0")/../../.." && pwd)"
REGENERATE_WASM=1 dotnet test "$root/tests/Renderer.Host.Tests" --filter "FullyQualifiedName~Wasm.SampleModuleTests" "$@"
echo "wrote $root/samples/wasm/textutil.wasm"
