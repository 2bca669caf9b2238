# Thin wrapper over CMake. `make demo` and `make test` install missing Debian packages first.
BUILD ?= build
JOBS ?= $(shell nproc)
CMAKE_FLAGS ?=

.PHONY: all deps build demo test sanitize bench bench-pathological clean format

all: build

deps:
	@scripts/install-deps.sh

$(BUILD)/CMakeCache.txt:
	cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=RelWithDebInfo $(CMAKE_FLAGS)

build: deps $(BUILD)/CMakeCache.txt
	cmake --build $(BUILD) -j $(JOBS)

# Derives the politically restricted posts of a shipped council and explains one of them, then
# checks a small example that breaks a statutory incompatibility (exit status 1, by design).
demo: build
	$(BUILD)/remit derive policies/council-000/ --format table
	@echo
	$(BUILD)/remit explain policies/council-000/ dir_housing
	@echo
	@$(BUILD)/remit check docs/examples/small-district.remit; \
	  echo "(exit status $$?: 1 means a breach, which this example has on purpose)"

test: build
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS)

# The whole suite under AddressSanitizer and UndefinedBehaviorSanitizer.
sanitize: deps
	cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=Debug -DREMIT_SANITIZE=ON -DREMIT_WERROR=ON
	cmake --build build-asan -j $(JOBS)
	cd build-asan && ctest --output-on-failure -j $(JOBS)

bench: build
	bench/run.py

# Inputs built to provoke quadratic work, each at N and 2N; fails if any grows faster than linear.
bench-pathological: build
	bench/pathological.py

format:
	clang-format -i $$(git ls-files '*.cpp' '*.hpp')

clean:
	rm -rf $(BUILD) build-asan build-fuzz
