#!/usr/bin/env python3
"""Measures the shape of the code for issue 12 (run from the repository root):

    python3 tests/tools/code_metrics.py

- route handlers in src/web: how many lines each has (signature to closing brace),
  median and 90th percentile;
- flow files: lines per file under src/flows (and the old flow modules if present);
- module import graph of src: cycles between files (`use crate::...` and `super::`);
- state / role / status string literals compared in Rust (outside enum definitions) and
  in templates;
- string literals in Rust outside the message catalogue that read like an English
  sentence (a capital letter, then at least three words), outside tests and log lines.
"""
import os
import re
import statistics
import sys

ROOT = os.getcwd()
SRC = os.path.join(ROOT, "src")


def rust_files(base):
    for dirpath, _, files in os.walk(base):
        for f in files:
            if f.endswith(".rs"):
                yield os.path.join(dirpath, f)


def strip_tests(text):
    """Drops `#[cfg(test)] mod tests { ... }` blocks (they end the file here)."""
    i = text.find("#[cfg(test)]")
    return text if i < 0 else text[:i]


def fn_lengths(path, names):
    text = open(path).read()
    lines = text.split("\n")
    out = {}
    for i, line in enumerate(lines):
        m = re.match(r"\s*(?:pub(?:\([a-z]+\))? )?async fn ([a-z_0-9]+)", line)
        if not m or m.group(1) not in names:
            continue
        depth, parens, started = 0, 0, False
        for j in range(i, len(lines)):
            for ch in lines[j]:
                if ch == "(":
                    parens += 1
                elif ch == ")":
                    parens -= 1
                elif ch == "{" and (parens == 0 or started):
                    depth += 1
                    started = True
                elif ch == "}" and (parens == 0 or started):
                    depth -= 1
            if started and depth == 0:
                out[m.group(1)] = j - i + 1
                break
    return out


def handlers():
    lengths = []
    for path in rust_files(os.path.join(SRC, "web")):
        text = open(path).read()
        names = set()
        for m in re.finditer(r"\b(?:get|post)\(([a-z_0-9]+)\)", text):
            names.add(m.group(1))
        for m in re.finditer(r"\.(?:get|post)\(([a-z_0-9]+)\)", text):
            names.add(m.group(1))
        for name, n in fn_lengths(path, names).items():
            lengths.append((n, os.path.relpath(path, ROOT) + "::" + name))
    lengths.sort()
    ns = [n for n, _ in lengths]
    p90 = ns[min(len(ns) - 1, int(round(0.9 * (len(ns) - 1))))]
    print(f"route handlers: {len(ns)}, median {statistics.median(ns)} lines, p90 {p90}, max {ns[-1]}")
    for n, name in lengths[-5:]:
        print(f"    {n:4} {name}")


def module_of(path):
    rel = os.path.relpath(path, SRC)[:-3]
    parts = rel.split(os.sep)
    if parts[-1] == "mod":
        parts = parts[:-1]
    if parts == ["lib"] or parts == ["main"]:
        return "crate"
    return "crate::" + "::".join(parts)


def graph():
    files = {module_of(p): p for p in rust_files(SRC)}
    mods = set(files)
    edges = {m: set() for m in mods}
    for m, path in files.items():
        text = strip_tests(open(path).read())
        for use in re.findall(r"\b(crate::[a-z_0-9:]+|super::[a-z_0-9:]+)", text):
            if use.startswith("super::"):
                parent = m.rsplit("::", 1)[0]
                if m.endswith("::mod"):
                    parent = parent.rsplit("::", 1)[0]
                use = parent + use[len("super"):]
            # the longest module that is a prefix of the path
            parts = use.split("::")
            target = None
            for k in range(len(parts), 0, -1):
                cand = "::".join(parts[:k])
                if cand in mods:
                    target = cand
                    break
            if target and target != m and not m.startswith(target + "::") and target != "crate":
                edges[m].add(target)
    # cycles between files (strongly connected components of more than one module)
    index, low, stack, on, sccs = {}, {}, [], set(), []
    counter = [0]

    def connect(v):
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on.add(v)
        for w in edges[v]:
            if w not in index:
                connect(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                sccs.append(sorted(comp))

    sys.setrecursionlimit(10000)
    for v in sorted(mods):
        if v not in index:
            connect(v)
    print(f"import cycles between modules: {len(sccs)}")
    for c in sccs:
        print("    " + " <-> ".join(c))
    # a flow module that reaches into a sibling flow (shared steps go through lifecycle)
    sibling = []
    for m in sorted(mods):
        if not m.startswith("crate::flows::"):
            continue
        top = m.split("::")[2]
        for t in sorted(edges[m]):
            if t.startswith("crate::flows::"):
                ttop = t.split("::")[2]
                if ttop != top and ttop not in ("lifecycle",):
                    sibling.append(f"{m} -> {t}")
    print(f"flow modules using a sibling flow (other than lifecycle): {len(sibling)}")
    for s in sibling:
        print("    " + s)


def flow_sizes():
    paths = []
    flows = os.path.join(SRC, "flows")
    if os.path.isdir(flows):
        paths += list(rust_files(flows))
    for old in ("enrollment.rs", "direct_bill.rs", "back_office.rs", "partnerships.rs"):
        p = os.path.join(SRC, old)
        if os.path.exists(p):
            paths.append(p)
    p = os.path.join(SRC, "auth", "flows.rs")
    if os.path.exists(p):
        paths.append(p)
    sizes = sorted((sum(1 for _ in open(p)), os.path.relpath(p, ROOT)) for p in paths)
    print(f"flow files: {len(sizes)}, largest:")
    for n, p in sizes[-4:]:
        print(f"    {n:5} {p}")


CODES = (
    "draft|awaiting_contact_verification|in_review|info_requested|approved|rejected|withdrawn|"
    "indirect_reseller|direct_bill|global_admin|admin_agent|sales_agent|operator_admin|reviewer|"
    "active|inactive|pending|passed|failed|not_applicable|accepted|revoked|ended|expired|"
    "success|error|info|warning|partner|staff"
)


def literals():
    rust = []
    for path in rust_files(SRC):
        text = strip_tests(open(path).read())
        for i, line in enumerate(text.split("\n"), 1):
            if re.search(r'[=!]= *"(%s)"' % CODES, line) or re.search(r'"(%s)" *[=!]=' % CODES, line):
                rust.append(f"{os.path.relpath(path, ROOT)}:{i}: {line.strip()}")
            elif re.search(r'Some\("(%s)"\)\s*=>|^\s*"(%s)"\s*(\|.*)?=>' % (CODES, CODES), line):
                rust.append(f"{os.path.relpath(path, ROOT)}:{i}: {line.strip()}")
    tmpl = []
    for dirpath, _, files in os.walk(os.path.join(ROOT, "templates")):
        for f in files:
            path = os.path.join(dirpath, f)
            for i, line in enumerate(open(path), 1):
                if re.search(r'[=!]= *"[a-z_]+"', line):
                    tmpl.append(f"{os.path.relpath(path, ROOT)}:{i}: {line.strip()}")
    print(f"code literals compared in Rust (outside tests): {len(rust)}")
    for r in rust[:8]:
        print("    " + r)
    print(f"string literals compared in templates: {len(tmpl)}")
    for t in tmpl[:8]:
        print("    " + t)


LITERAL = re.compile(r'(?<![#\w])"((?:[^"\\]|\\.)*)"')
WORD = re.compile(r"^[a-z][a-z'’]*[,.;:]?$")


SHORT_SENTENCE = re.compile(r"^[A-Z][a-z]+( [a-z'’]+)+[.?!]$")


def is_sentence(text):
    """Four or more words, three of them lowercase words: prose, not a code or a path; or a
    short sentence with its full stop or question mark ("Settings saved.")."""
    words = text.split()
    if SHORT_SENTENCE.match(text):
        return True
    return len(words) >= 4 and sum(1 for w in words if WORD.match(w)) >= 3
SKIP_LINE = re.compile(
    r"tracing::|info!|warn!|error!|debug!|trace!|context\(|anyhow!|bail!|expect\(|panic!|"
    r"#\[error|///|//!|^\s*//|select |insert |update |delete |assert|where |order by "
)
# Operator-facing text (start-up and configuration errors, logged faults) stays English by
# design: it is read in logs and terminals, not in the portal.
OPERATOR_FACING = ("src/config.rs", "src/startup.rs", "src/db/mod.rs", "src/email/mod.rs")


def sentences():
    found = []
    for path in rust_files(SRC):
        rel = os.path.relpath(path, ROOT)
        if rel in ("src/messages.rs",) or rel.startswith("src/messages/") or rel in OPERATOR_FACING:
            continue
        text = strip_tests(open(path).read())
        for i, line in enumerate(text.split("\n"), 1):
            if SKIP_LINE.search(line):
                continue
            for m in LITERAL.finditer(line):
                if is_sentence(m.group(1)):
                    found.append(f"{rel}:{i}: {m.group(1)[:70]}")
    print(f"English sentences in Rust outside the message catalogue: {len(found)}")
    per_file = {}
    for f in found:
        per_file[f.split(":")[0]] = per_file.get(f.split(":")[0], 0) + 1
    for p, n in sorted(per_file.items(), key=lambda x: -x[1])[:10]:
        print(f"    {n:4} {p}")
    if "-v" in sys.argv:
        for f in found:
            print("      " + f)


if __name__ == "__main__":
    handlers()
    flow_sizes()
    graph()
    literals()
    sentences()
