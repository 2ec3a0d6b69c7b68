/**
 * A tiny evaluator for the Python expressions of Universal Feed Parser's `Expect:` lines: literals,
 * subscripts, attributes, `len`, `has_key`, `get`, comparisons, `and`/`or`/`not`. Values of ours that
 * compare by their own rules (plain-text titles, HTML, dates) implement `Comparable`.
 */

/** A key the result does not have, as opposed to a value that is None. */
export const MISSING = Symbol('missing');
export type View = Record<string, unknown>;

export interface Comparable {
  equals(x: unknown): boolean;
}

function isComparable(v: unknown): v is Comparable {
  return typeof v === 'object' && v !== null && typeof (v as Comparable).equals === 'function';
}


export type Node =
  | { t: 'name'; id: string }
  | { t: 'const'; v: unknown }
  | { t: 'seq'; items: Node[] }
  | { t: 'dict'; keys: Node[]; values: Node[] }
  | { t: 'sub'; obj: Node; key: Node }
  | { t: 'attr'; obj: Node; name: string }
  | { t: 'call'; fn: Node; args: Node[] }
  | { t: 'bool'; op: 'and' | 'or'; items: Node[] }
  | { t: 'not'; x: Node }
  | { t: 'cmp'; first: Node; ops: string[]; rest: Node[] }
  | { t: 'add'; l: Node; r: Node; minus: boolean };

const TOKEN = /\s*(?:([uUrRbB]{0,2})("""[\s\S]*?"""|'''[\s\S]*?'''|"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*')|(\d+\.\d+|\d+)|([A-Za-z_]\w*)|(==|!=|<=|>=|[-+<>()[\]{},:.]))/y;

function unescape(body: string, raw: boolean): string {
  if (raw) return body;
  return body.replace(/\\(x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|.|\n)/g, (_, e: string) => {
    if (/^[xuU]/.test(e)) return String.fromCodePoint(parseInt(e.slice(1), 16));
    return ({ n: '\n', t: '\t', r: '\r', '\n': '' } as Record<string, string>)[e] ?? e;
  });
}

function tokenize(src: string): Array<{ k: string; v: unknown }> {
  const out: Array<{ k: string; v: unknown }> = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < src.trimEnd().length) {
    const m = TOKEN.exec(src);
    if (!m) throw new Error(`cannot tokenize at ${TOKEN.lastIndex}`);
    if (m[2]) {
      const q = m[2].startsWith('"""') || m[2].startsWith("'''") ? 3 : 1;
      out.push({ k: 'str', v: unescape(m[2].slice(q, -q), /r/i.test(m[1] ?? '')) });
    } else if (m[3]) out.push({ k: 'num', v: Number(m[3]) });
    else if (m[4]) out.push({ k: ['and', 'or', 'not', 'in', 'is', 'None', 'True', 'False'].includes(m[4]) ? m[4] : 'name', v: m[4] });
    else out.push({ k: m[5]!, v: m[5] });
  }
  return out;
}

export function parsePython(src: string): Node {
  const toks = tokenize(src);
  let i = 0;
  const peek = (k: string, o = 0) => toks[i + o]?.k === k;
  const eat = (k: string) => {
    if (!peek(k)) throw new Error(`expected ${k} at token ${i}`);
    return toks[i++]!;
  };
  const expr = (): Node => orExpr();
  const orExpr = (): Node => boolOf('or', andExpr);
  const andExpr = (): Node => boolOf('and', notExpr);
  function boolOf(op: 'and' | 'or', next: () => Node): Node {
    const items = [next()];
    while (peek(op)) (i++, items.push(next()));
    return items.length === 1 ? items[0]! : { t: 'bool', op, items };
  }
  const notExpr = (): Node => (peek('not') ? (i++, { t: 'not', x: notExpr() }) : comparison());
  function comparison(): Node {
    const first = sum();
    const ops: string[] = [];
    const rest: Node[] = [];
    for (;;) {
      let op: string | undefined;
      if (['==', '!=', '<', '>', '<=', '>=', 'in'].some((k) => peek(k))) op = String(toks[i++]!.v);
      else if (peek('not') && peek('in', 1)) (i += 2, (op = 'not in'));
      else if (peek('is')) (i++, (op = peek('not') ? (i++, 'is not') : 'is'));
      if (!op) break;
      ops.push(op);
      rest.push(sum());
    }
    return ops.length ? { t: 'cmp', first, ops, rest } : first;
  }
  function sum(): Node {
    let l = postfix();
    while (peek('+') || peek('-')) l = { t: 'add', minus: toks[i++]!.k === '-', l, r: postfix() };
    return l;
  }
  function postfix(): Node {
    let n = atom();
    for (;;) {
      if (peek('[')) (i++, (n = { t: 'sub', obj: n, key: expr() }), eat(']'));
      else if (peek('.')) (i++, (n = { t: 'attr', obj: n, name: String(eat('name').v) }));
      else if (peek('(')) (i++, (n = { t: 'call', fn: n, args: list(')') }));
      else return n;
    }
  }
  function list(close: string): Node[] {
    const items: Node[] = [];
    while (!peek(close)) (items.push(expr()), peek(',') && i++);
    eat(close);
    return items;
  }
  function atom(): Node {
    const tok = toks[i++];
    if (!tok) throw new Error('unexpected end');
    if (tok.k === '-') return { t: 'const', v: -(atom() as { v: number }).v };
    if (tok.k === 'str') {
      let v = String(tok.v);
      while (peek('str')) v += String(toks[i++]!.v);
      return { t: 'const', v };
    }
    if (tok.k === 'num') return { t: 'const', v: tok.v };
    if (tok.k === 'None' || tok.k === 'True' || tok.k === 'False') return { t: 'const', v: { None: null, True: true, False: false }[tok.k] };
    if (tok.k === 'name') return { t: 'name', id: String(tok.v) };
    if (tok.k === '(' || tok.k === '[') {
      const items = list(tok.k === '(' ? ')' : ']');
      return items.length === 1 && tok.k === '(' ? items[0]! : { t: 'seq', items };
    }
    if (tok.k === '{') {
      const keys: Node[] = [];
      const values: Node[] = [];
      while (!peek('}')) (keys.push(expr()), eat(':'), values.push(expr()), peek(',') && i++);
      eat('}');
      return { t: 'dict', keys, values };
    }
    throw new Error(`unexpected ${tok.k}`);
  }
  const tree = expr();
  if (i !== toks.length) throw new Error('trailing tokens');
  return tree;
}


class KeyMissing extends Error {}

function get(obj: unknown, key: unknown): unknown {
  if (obj === MISSING) throw new KeyMissing();
  if (Array.isArray(obj) && typeof key === 'number') {
    const v = obj[key < 0 ? obj.length + key : key];
    if (v === undefined) throw new KeyMissing();
    return v;
  }
  const v = obj && typeof obj === 'object' ? (obj as View)[String(key)] : undefined;
  if (v === undefined || v === MISSING) throw new KeyMissing();
  return v;
}

function equal(a: unknown, b: unknown): boolean {
  if (isComparable(a)) return a.equals(b);
  if (isComparable(b)) return b.equals(a);
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => equal(x, b[i]));
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    const ka = Object.keys(a);
    return ka.length === Object.keys(b).length && ka.every((k) => equal((a as View)[k], (b as View)[k]));
  }
  return a === b;
}

function truthy(v: unknown): boolean {
  if (Array.isArray(v)) return v.length > 0;
  return v !== MISSING && v !== null && v !== false && v !== 0 && v !== '';
}

function evaluate(n: Node, env: View): unknown {
  switch (n.t) {
    case 'const': return n.v;
    case 'name': return get(env, n.id);
    case 'seq': return n.items.map((x) => evaluate(x, env));
    case 'dict': return Object.fromEntries(n.keys.map((k, i) => [String(evaluate(k, env)), evaluate(n.values[i]!, env)]));
    case 'sub': return get(evaluate(n.obj, env), evaluate(n.key, env));
    case 'attr': return get(evaluate(n.obj, env), n.name);
    case 'not': return !truthy(evaluate(n.x, env));
    case 'add': return (evaluate(n.l, env) as string) + (evaluate(n.r, env) as string);
    case 'bool':
      for (const x of n.items) if (truthy(evaluate(x, env)) === (n.op === 'or')) return n.op === 'or';
      return n.op === 'and';
    case 'call': {
      if (n.fn.t === 'name' && n.fn.id === 'len') return (evaluate(n.args[0]!, env) as unknown[]).length;
      if (n.fn.t === 'attr' && n.fn.name === 'has_key') {
        try { return (get(evaluate(n.fn.obj, env), evaluate(n.args[0]!, env)), true); } catch { return false; }
      }
      if (n.fn.t === 'attr' && n.fn.name === 'get') {
        try { return get(evaluate(n.fn.obj, env), evaluate(n.args[0]!, env)); } catch { return n.args[1] ? evaluate(n.args[1], env) : null; }
      }
      throw new Error('unsupported call');
    }
    case 'cmp': {
      let left = evaluate(n.first, env);
      for (let i = 0; i < n.ops.length; i++) {
        const op = n.ops[i]!;
        const right = evaluate(n.rest[i]!, env);
        const has = () => { try { return (get(right, left), true); } catch { return false; } };
        const ok = op === '==' || op === 'is' ? equal(left, right) : op === '!=' || op === 'is not' ? !equal(left, right)
          : op === 'in' ? has() : op === 'not in' ? !has() : false;
        if (!ok) return false;
        left = right;
      }
      return true;
    }
  }
}

/** Run one expression: true/false, with a missing key failing the case as a KeyError fails upstream. */
export function check(tree: Node, view: View): boolean {
  try {
    return truthy(evaluate(tree, view));
  } catch (err) {
    if (err instanceof KeyMissing) return false;
    throw err;
  }
}
