#!/usr/bin/env bash
# Whole-process extraction speed: `newsctl extract` against readability4j (extract-baseline), JVM start included.
# Both get the same file arguments: the pages of DIR repeated up to COUNT arguments (default: eval/aeb-dev/html,
# 1810 arguments). Each command runs RUNS times, alternating; the table shows the median.
#
#   ./mvnw -q -Pbaselines -DskipTests package
#   scripts/bench-extract-cli.sh [DIR] [COUNT] [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."

dir=${1:-eval/aeb-dev/html}
count=${2:-1810}
runs=${3:-3}
java=${JAVA:-java}

for jar in newsctl/target/newsctl.jar extract-baseline/target/extract-baseline.jar; do
  [[ -f $jar ]] || { echo "missing $jar: run ./mvnw -q -Pbaselines -DskipTests package" >&2; exit 2; }
done

mapfile -t pages < <(find "$dir" -maxdepth 1 -type f \( -name '*.html' -o -name '*.html.gz' \) | sort)
(( ${#pages[@]} > 0 )) || { echo "no .html or .html.gz files in $dir" >&2; exit 2; }
files=()
while (( ${#files[@]} < count )); do
  for page in "${pages[@]}"; do
    (( ${#files[@]} < count )) || break
    files+=("$page")
  done
done

declare -A commands=(
  [newsctl]="$java -jar newsctl/target/newsctl.jar extract"
  [readability4j]="$java -jar extract-baseline/target/extract-baseline.jar"
  [readability4j-2t]="$java -jar extract-baseline/target/extract-baseline.jar --threads 2"
)
order=(newsctl readability4j readability4j-2t)
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

# one run: wall and CPU seconds (user+sys of the child) on one line
run_once() {
  local name=$1 start end
  start=$(date +%s.%N)
  # shellcheck disable=SC2086
  ( ${commands[$name]} "${files[@]}" > "$out/$name.jsonl"; times > "$out/$name.times" )
  end=$(date +%s.%N)
  local lines
  lines=$(wc -l < "$out/$name.jsonl")
  (( lines == count )) || { echo "$name printed $lines lines for $count files" >&2; exit 1; }
  # `times` prints the subshell's and its children's user/sys; the second line is the children
  local cpu
  cpu=$(sed -n 2p "$out/$name.times" | awk '{ split($1,u,"m"); split($2,s,"m"); print u[1]*60+u[2] + s[1]*60+s[2] }' \
        | tr -d 's')
  echo "$(echo "$end - $start" | bc -l) $cpu" >> "$out/$name.runs"
}

for ((r = 0; r < runs; r++)); do
  for name in "${order[@]}"; do run_once "$name"; done
done

median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

echo "files=$count (${#pages[@]} pages of $dir, repeated), runs=$runs, median, $($java -version 2>&1 | head -1), $(nproc) cores"
printf '%-20s %10s %10s %12s %10s\n' command "wall s" "cpu s" "files/s" "speedup"
base=$(cut -d' ' -f1 "$out/readability4j.runs" | median)
for name in "${order[@]}"; do
  wall=$(cut -d' ' -f1 "$out/$name.runs" | median)
  cpu=$(cut -d' ' -f2 "$out/$name.runs" | median)
  printf '%-20s %10.2f %10.2f %12.1f %9.2fx\n' "$name" "$wall" "$cpu" "$(echo "$count / $wall" | bc -l)" \
    "$(echo "$base / $wall" | bc -l)"
done
echo "speedup: readability4j's median wall time (one thread) over each command's"
