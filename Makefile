# The only entry points: make run · make test · make bench (see README.md).
BUILD ?= build
BUILD_TYPE ?= RelWithDebInfo
JOBS ?= 2
SAN_BUILD ?= build-sanitize

.PHONY: all deps build web run test test-sanitize fuzz soak bench clean

all: build web

deps:
	@scripts/install-deps.sh

$(BUILD)/build.ninja:
	cmake -S . -B $(BUILD) -G Ninja -DCMAKE_BUILD_TYPE=$(BUILD_TYPE)

build: deps $(BUILD)/build.ninja
	ninja -C $(BUILD) -j $(JOBS)

web: deps
	@scripts/build-web.sh

run: build web
	mkdir -p data
	$(BUILD)/liangxin serve --db sqlite:data/liangxin.db --demo --listen 127.0.0.1:8080

test: build web
	scripts/run-tests.sh $(BUILD)

test-sanitize: deps
	cmake -S . -B $(SAN_BUILD) -G Ninja -DCMAKE_BUILD_TYPE=Debug -DLX_SANITIZE=ON
	ninja -C $(SAN_BUILD) -j $(JOBS)
	LX_SKIP_E2E=1 scripts/run-tests.sh $(SAN_BUILD)

# The long reliability runs (not part of `make test`): the crash test 100
# times on SQLite and on a throwaway PostgreSQL (the app is killed, never the
# database), ITERATIONS=N to change the count; then the load test (wrk, 1,000
# connections for 60 s, LOAD_SECONDS / CONNECTIONS), figures in bench/RESULTS.md.
soak: build web
	LX_TEST_BACKEND=sqlite LX_CRASH_ITERATIONS=$(or $(ITERATIONS),100) $(BUILD)/reliability_tests --gtest_filter='CrashSafety.*'
	scripts/with-postgres.sh env LX_TEST_BACKEND=postgres LX_CRASH_ITERATIONS=$(or $(ITERATIONS),100) \
		$(BUILD)/reliability_tests --gtest_filter='CrashSafety.*'
	scripts/load.sh $(BUILD) $(or $(LOAD_SECONDS),60) $(or $(CONNECTIONS),1000)

fuzz: deps
	scripts/fuzz.sh $(or $(SECONDS_EACH),300)

# The benchmarks (not part of `make test`): generated city and province
# datasets, the workloads of bench/README.md against nginx, the sqlite3 shell
# and psql; the table goes to bench/RESULTS.md. QUICK=1 for a few minutes' run.
bench: build
	QUICK=$(QUICK) BUILD=$(BUILD) bench/run.sh

clean:
	rm -rf $(BUILD) $(SAN_BUILD) web/dist
