#!/usr/bin/env python3
"""The sim/ core calls one way: no file of sim/ calls a function of a file
that (directly or through others) calls back into it. A call is a public
function defined in one sim/*.c file and named with "(" in another; the
picture is at the top of sim/sim.h. The checker must first find a planted
circle, then none in the tree.

usage: check_sim_calls.py SOURCE_DIR"""
import os
import re
import sys
import tempfile

DEF = re.compile(r'^(?!static)[a-z_][^\n;(]*\n([a-z_0-9]+)\(', re.M)
COMMENT = re.compile(r'/\*.*?\*/', re.S)


def graph(sim_dir):
    src = {}
    for name in sorted(os.listdir(sim_dir)):
        if name.endswith('.c'):
            with open(os.path.join(sim_dir, name)) as f:
                src[name[:-2]] = COMMENT.sub('', f.read())
    owner = {fn: mod for mod, text in src.items() for fn in DEF.findall(text)}
    edges = {mod: set() for mod in src}
    for mod, text in src.items():
        for fn in set(re.findall(r'\b([a-z_0-9]+)\(', text)):
            if owner.get(fn, mod) != mod:
                edges[mod].add(owner[fn])
    return edges


def circles(edges):
    """The files that can reach themselves, each with one path back."""
    found = {}
    for start in edges:
        seen, stack = {start: None}, [start]
        while stack:
            x = stack.pop()
            for y in edges[x]:
                if y == start:
                    path, z = [start], x
                    while z != start:
                        path.append(z)
                        z = seen[z]
                    found[start] = ' -> '.join([start] + path[:0:-1] + [start])
                    stack = []
                    break
                if y not in seen:
                    seen[y] = x
                    stack.append(y)
    return found


def main():
    with tempfile.TemporaryDirectory() as tmp:
        for name, text in {'a': 'void\na_f(void)\n{\n\tb_f();\n}\n',
                           'b': 'void\nb_f(void)\n{\n\tc_f();\n}\n',
                           'c': 'void\nc_f(void)\n{\n\ta_f();\n}\n',
                           'd': 'void\nd_f(void)\n{\n\ta_f();\n}\n'}.items():
            with open(os.path.join(tmp, name + '.c'), 'w') as f:
                f.write(text)
        planted = circles(graph(tmp))
        if sorted(planted) != ['a', 'b', 'c']:
            print('FAIL: the checker missed the planted circle a -> b -> c -> a:', planted)
            return 1
    found = circles(graph(os.path.join(sys.argv[1], 'sim')))
    for path in sorted(found.values()):
        print('FAIL: sim/ calls in a circle:', path)
    if not found:
        print('sim/ calls one way: no circle')
    return 1 if found else 0


if __name__ == '__main__':
    sys.exit(main())
