#!/bin/sh
# Entity analysis speed of this engine and of the rule engine it replaced (commit 72768f1), measured in the
# same run, alternately, on the same files, one core each: `sh crates/liseuse-entity/benches/compare_rule_engine.sh
# [ROUNDS]`.
# The old engine is built from that commit in a temporary git worktree (removed afterwards, its target
# directory kept in $OLD_TARGET, by default /tmp/liseuse-rule-engine-target, so a second run is quick).
set -eu
ROOT=$(cd "$(dirname "$0")/../../.." && pwd)
ROUNDS=${1:-3}
OLD=72768f1
OLD_TARGET=${OLD_TARGET:-/tmp/liseuse-rule-engine-target}
TMP=$(mktemp -d)
trap 'git -C "$ROOT" worktree remove --force "$TMP/old" 2>/dev/null || true; rm -rf "$TMP"' EXIT
git -C "$ROOT" worktree add --detach "$TMP/old" "$OLD" >/dev/null 2>&1
# the same measuring program for both: this tree's crates/liseuse-entity/examples/extract_speed.rs (it calls
# `analyse` only), its path put back to where the old single crate had the engine
sed 's/liseuse_entity::/liseuse::entity::/g' "$ROOT/crates/liseuse-entity/examples/extract_speed.rs" > "$TMP/old/examples/extract_speed.rs"
(cd "$TMP/old" && CARGO_TARGET_DIR="$OLD_TARGET" cargo build --release --example extract_speed -q)
(cd "$ROOT" && cargo build --release --example extract_speed --example gen_corpus -q)
"$ROOT/target/release/examples/gen_corpus" "$TMP/corpus" 10000 50 >/dev/null
find "$TMP/corpus/lib" -name '*.txt' | sort > "$TMP/small"
NEWS="$ROOT/seeds/*.txt $ROOT/tests/fixtures/dev/texts/*.txt $ROOT/tests/fixtures/winer/texts/*.txt"
for round in $(seq "$ROUNDS"); do
    for engine in rule learned; do
        if [ "$engine" = rule ]; then bin="$OLD_TARGET/release/examples/extract_speed"; else bin="$ROOT/target/release/examples/extract_speed"; fi
        echo "round $round, $engine engine:"
        printf '  10,000 small articles: '; "$bin" "@$TMP/small"
        printf '  one 50 MB article: '; "$bin" "$TMP/corpus/long.txt"
        # shellcheck disable=SC2086
        printf '  news of the repository: '; "$bin" $NEWS
    done
done
