#!/usr/bin/env bash
# A whole liseuse process as a person sees it, for issue 27's figures (README, Performance): BIN on
# the library LIB in a 120x40 tmux under `/usr/bin/time -v` (tmux, bc and GNU time needed), with a
# fresh data folder; the screen polled every 30 ms. Libraries: `cargo run --release --example
# gen_corpus -- DIR 100000 1` makes DIR/lib. Run two builds alternately (A B A B) to compare them.
#
# benches/lead.sh MODE BIN LIB [CACHEBASE]   MODE: cold | warm | f
#  cold: empty cache dir (kept in CACHEBASE if given and absent), until `indexing`/`reading` gone
#  warm: a fresh copy of CACHEBASE, until `indexing`/`reading` gone (the counts final)
#  f:    a fresh copy of CACHEBASE, `Fbudget` typed at the first frame, until its first hits
# AFTER=s (default 8 warm, 3 cold, 1 f): quit that long after; prints seconds, peak RSS MB, CPU s.
set -u
mode=$1 bin=$(realpath "$2") lib=$(realpath "$3") base=${4:+$(realpath "$4")}
after=${AFTER:-}; [ -z "$after" ] && case $mode in cold) after=3;; warm) after=8;; *) after=1;; esac
t=$(mktemp -d /tmp/lead.XXXX); c=$t/cache; d=$t/data; mkdir -p $d
if [ "$mode" = cold ]; then mkdir -p $c; else cp -r "$base" $c; fi
s=lead$$
tmux kill-session -t $s 2>/dev/null
start=$(date +%s.%N)
tmux new -d -s $s -x 120 -y 40 "/usr/bin/time -v -o $t/time $bin --cache-dir $c --data-dir $d $lib; sleep 30"
first=""; done=""; busy=""
deadline=$(( $(date +%s) + ${LIMIT:-300} ))
while [ $(date +%s) -lt $deadline ]; do
  scr=$(tmux capture-pane -p -t $s 2>/dev/null)
  now=$(date +%s.%N)
  if [ -z "$first" ] && grep -q "Articles" <<<"$scr"; then
    first=$now
    [ "$mode" = f ] && tmux send-keys -t $s F b u d g e t
  fi
  if [ -n "$first" ]; then
    if [ "$mode" = f ]; then
      if grep "Search all articles:" <<<"$scr" | grep -v ": 0 hits" | grep -q " hits"; then done=$now; break; fi
    elif grep -qE "indexing|reading" <<<"$scr"; then busy=1
    # done once the work was seen and is gone (a first screen drawn before the loader's first
    # report shows neither), or if none was seen in 2 s
    elif [ -n "$busy" ] || [ "$(echo "$now - $first > 2" | bc)" = 1 ]; then done=$now; break; fi
  fi
  sleep 0.03
done
sleep $after
[ "$mode" = f ] && tmux send-keys -t $s Escape Escape
tmux send-keys -t $s q
for i in $(seq 100); do [ -s $t/time ] && grep -q "Exit status" $t/time && break; sleep 0.2; done
tmux kill-session -t $s 2>/dev/null
rss=$(awk '/Maximum resident/{print int($6/1024)}' $t/time)
cpu=$(awk '/User time/{u=$4} /System time/{s=$4} END{printf "%.1f", u+s}' $t/time)
if [ -n "$done" ]; then el=$(echo "$done - $start" | bc); else el=timeout; fi
ff=$(echo "${first:-0} - $start" | bc)
size=$(du -sm $c | cut -f1)
echo "$mode $(basename $bin) done=${el}s first=${ff}s peak=${rss}MB cpu=${cpu}s cache=${size}MB load=$(cut -d' ' -f1 /proc/loadavg)"
if [ "$mode" = cold ] && [ -n "$base" ] && [ ! -e "$base" ]; then cp -r $c "$base"; fi
rm -rf $t
