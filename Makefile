# Thin wrapper over CMake. `make demo` and `make test` install missing Debian packages first.
BUILD ?= build
JOBS ?= $(shell nproc)
CMAKE_FLAGS ?=

.PHONY: all deps build cli demo test sanitize release-check bench bench-pathological clean format format-check

all: build

deps:
	@scripts/install-deps.sh

$(BUILD)/CMakeCache.txt:
	cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=RelWithDebInfo $(CMAKE_FLAGS)

build: deps $(BUILD)/CMakeCache.txt
	cmake --build $(BUILD) -j $(JOBS)

# The command line alone: what `make demo` runs, without the test suite.
cli: deps $(BUILD)/CMakeCache.txt
	cmake --build $(BUILD) -j $(JOBS) --target remit_cli

# Derives the politically restricted posts of a shipped council and explains one of them (for
# the policy's author, then in plain words), then checks a small example that breaks a statutory
# incompatibility (exit status 1, by design).
demo: cli
	$(BUILD)/remit derive policies/council-000/ --format table
	@echo
	$(BUILD)/remit explain policies/council-000/ dir_housing
	@echo
	$(BUILD)/remit explain --plain policies/council-000/ dir_housing
	@echo
	@$(BUILD)/remit check docs/examples/small-district.remit; \
	  echo "(exit status $$?: 1 means a breach, which this example has on purpose)"

test: build
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS)

# The whole suite under AddressSanitizer and UndefinedBehaviorSanitizer, built by clang 14 with
# warnings as errors, at -O1 (the suite runs in a third of its -O0 time). The same build holds the
# fuzzers (REMIT_FUZZ), so `REMIT_FUZZ_BUILD=build-asan fuzz/run.sh` builds nothing again: CI runs
# one sanitized build, not two. clang's UBSan also checks calls through function pointers
# (-fsanitize=function), which GCC's does not.
SANITIZE_BUILD ?= build-asan
sanitize:
	@REMIT_WITH_FUZZ=1 scripts/install-deps.sh
	CC=clang-14 CXX=clang++-14 cmake -S . -B $(SANITIZE_BUILD) -DCMAKE_BUILD_TYPE=Debug \
	  -DCMAKE_CXX_FLAGS_DEBUG="-O1 -g" -DREMIT_SANITIZE=ON -DREMIT_FUZZ=ON -DREMIT_WERROR=ON
	cmake --build $(SANITIZE_BUILD) -j $(JOBS)
	cd $(SANITIZE_BUILD) && ctest --output-on-failure -j $(JOBS)

# A Release build with warnings as errors under GCC 12 (the library and the command line), as a
# user or a packager may build remit. clang 14's warnings, as errors, are those of `make sanitize`:
# its front end warns the same at every optimisation level.
release-check: deps
	cmake -S . -B build-release -DCMAKE_BUILD_TYPE=Release -DREMIT_WERROR=ON -DREMIT_TESTS=OFF
	cmake --build build-release -j $(JOBS) --target remit_cli

bench: build
	bench/run.py

# Inputs built to provoke quadratic work, each at N and 2N; fails if any grows faster than linear.
bench-pathological: build
	bench/pathological.py

format:
	clang-format -i $$(git ls-files '*.cpp' '*.hpp')

# Fails, listing what differs, when a source file is not as .clang-format lays it out (CI runs it).
format-check:
	@REMIT_WITH_FUZZ=1 scripts/install-deps.sh
	clang-format --dry-run --Werror $$(git ls-files '*.cpp' '*.hpp')

clean:
	rm -rf $(BUILD) build-asan build-fuzz build-release build-clang
