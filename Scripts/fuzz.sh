#!/usr/bin/env bash
# Builds the libFuzzer harnesses in Fuzz/ with AddressSanitizer and runs them, one at a time.
# On demand only, never in CI: a run takes SECONDS per harness and a whole CPU.
#
# Usage: Scripts/fuzz.sh [--merge] [SECONDS=600] [spec|csv|png ...]
#   SECONDS   time per harness (0 with --merge: only merge what earlier runs grew)
#   --merge   afterwards, minimize the committed corpus plus the scratch corpus back into
#             Fuzz/Corpus/<name> (libFuzzer -merge=1), so new coverage can be committed
#
# Findings land in Fuzz/Crashes/<name>-{crash,leak,timeout,oom,slow-unit}-<sha1>; reproduce one with
#   Fuzz/.build/release/Fuzz<Name> Fuzz/Crashes/<file>
# Environment: FUZZ_NICE (default 10), FUZZ_ARGS (extra libFuzzer flags, e.g. "-max_len=8192 -seed=1").
set -euo pipefail

cd "$(dirname "$0")/.."
root=$PWD
fuzz=$root/Fuzz

merge=0
seconds=600
names=()
for arg in "$@"; do
    case "$arg" in
        --merge) merge=1 ;;
        -h|--help) sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        spec|csv|png) names+=("$arg") ;;
        ''|*[!0-9]*) echo "fuzz.sh: unknown argument '$arg' (expected SECONDS, spec, csv, png or --merge)" >&2; exit 2 ;;
        *) seconds=$arg ;;
    esac
done
[ ${#names[@]} -gt 0 ] || names=(spec csv png)

# One figure from libFuzzer's -print_final_stats=1 block at the end of a log.
final_stat() { sed -n "s/^stat::$2: *//p" "$1" | tail -1; }

# Target name for a harness: spec → FuzzSpec.
target() { case "$1" in spec) echo FuzzSpec ;; csv) echo FuzzCSV ;; png) echo FuzzPNG ;; esac; }

# swiftc keeps only the last -sanitize= it is given, and SwiftPM passes --sanitize=fuzzer and
# --sanitize=address as two flags, which leaves the Swift code without coverage counters. The
# combined -Xswiftc flag comes last and restores both; --sanitize=fuzzer is still needed for
# SwiftPM to add -parse-as-library and link libFuzzer's main.
echo "== building Fuzz/ (release, fuzzer + address sanitizers)"
nice -n "${FUZZ_NICE:-10}" swift build --package-path "$fuzz" --build-path "$fuzz/.build" -c release \
    --sanitize=fuzzer --sanitize=address -Xswiftc -sanitize=fuzzer,address
bin=$fuzz/.build/release

mkdir -p "$fuzz/Crashes" "$fuzz/.work"
summary=()
status=0
for name in "${names[@]}"; do
    exe=$bin/$(target "$name")
    scratch=$fuzz/.work/$name
    log=$fuzz/.work/$name.log
    mkdir -p "$scratch"
    if [ "$seconds" -gt 0 ]; then
        echo "== fuzzing $name for ${seconds}s (log: Fuzz/.work/$name.log)"
        before=$(ls "$fuzz/Crashes" | grep -c "^$name-" || true)
        rc=0
        # The scratch folder comes first: libFuzzer writes new inputs only to the first folder,
        # so the committed seeds are read, never written. Swift's backtracer is off so that
        # libFuzzer's own handler saves the crashing input at once.
        # shellcheck disable=SC2086
        SWIFT_BACKTRACE=enable=no nice -n "${FUZZ_NICE:-10}" "$exe" "$scratch" "$fuzz/Corpus/$name" \
            -max_total_time="$seconds" -rss_limit_mb=2048 -timeout=10 -dict="$fuzz/$name.dict" \
            -artifact_prefix="$fuzz/Crashes/$name-" -print_final_stats=1 ${FUZZ_ARGS:-} >"$log" 2>&1 || rc=$?
        after=$(ls "$fuzz/Crashes" | grep -c "^$name-" || true)
        execs=$(final_stat "$log" number_of_executed_units); rate=$(final_stat "$log" average_exec_per_sec)
        rss=$(final_stat "$log" peak_rss_mb); added=$(final_stat "$log" new_units_added)
        inited=$(grep -m1 -o 'INITED cov: [0-9]* ft: [0-9]*' "$log" | sed 's/INITED //' || true)
        last=$(grep -E '^#[0-9]+' "$log" | tail -1 || true)
        cov=$(grep -o 'cov: [0-9]* ft: [0-9]*' <<<"$last" || true)
        corp=$(grep -o 'corp: [0-9]*/[0-9A-Za-z]*' <<<"$last" | sed 's/corp: //' || true)
        if [ "$rc" -ne 0 ] || [ "$after" -gt "$before" ]; then
            found="FOUND (exit $rc): $(grep -m1 -E '^==[0-9]+== ?ERROR|^SUMMARY|Fatal error' "$log" || echo 'see log'); artifacts: $(ls -t "$fuzz/Crashes" | grep "^$name-" | head -1)"
            status=1
        else
            found="nothing found"
        fi
        summary+=("$name: ${seconds}s, ${execs:-?} execs, ${rate:-?} exec/s, peak RSS ${rss:-?} MB, corpus ${corp:-?} (+${added:-?} new units; ${inited:-?} → ${cov:-?}), $found")
    fi
    if [ "$merge" -eq 1 ]; then
        # Minimize committed seeds plus everything the runs grew into a fresh folder, then swap it in.
        merged=$fuzz/.work/$name.merged
        rm -rf "$merged" && mkdir -p "$merged"
        echo "== merging $name into Fuzz/Corpus/$name"
        SWIFT_BACKTRACE=enable=no nice -n "${FUZZ_NICE:-10}" "$exe" -merge=1 -rss_limit_mb=2048 -timeout=10 \
            "$merged" "$fuzz/Corpus/$name" "$scratch" >"$fuzz/.work/$name.merge.log" 2>&1
        if [ -n "$(ls -A "$merged")" ]; then
            find "$fuzz/Corpus/$name" -type f -delete
            mv "$merged"/* "$fuzz/Corpus/$name/"
        fi
        rmdir "$merged"
        summary+=("$name: merged corpus now $(ls "$fuzz/Corpus/$name" | wc -l) files, $(du -sh "$fuzz/Corpus/$name" | cut -f1)")
    fi
done

echo "== summary"
for line in "${summary[@]}"; do echo "$line"; done
exit "$status"
