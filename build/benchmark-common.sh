# Sourced by the benchmarks of generated repositories (benchmark-report.sh, benchmark-workspace.sh):
# `quiet` runs a step and shows its output only when it fails, and `work` is the temporary folder,
# removed at exit unless AGT_BENCH_KEEP=1 (then its path is printed, to time its repository again).
quiet() { local out; out=$("$@" 2>&1) || { echo "$out"; exit 1; }; }

work=$(mktemp -d)
if [ "${AGT_BENCH_KEEP:-}" = 1 ]; then
  echo "kept: $work (the repository is $work/repo)"
else
  trap 'rm -rf "$work"' EXIT
fi
