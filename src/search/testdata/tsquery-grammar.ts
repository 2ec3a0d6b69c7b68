// A checker for the tsquery text compileTsquery writes, following PostgreSQL's grammar for it:
//   expr := or;  or := and ('|' and)*;  and := phrase ('&' phrase)*;  phrase := unary ('<->' unary)*
//   unary := '!' unary | '(' expr ')' | lexeme;  lexeme := '…' (quotes and backslashes doubled) [':' ABCD]
// Tests use it where no PostgreSQL server runs.

export function assertTsquery(text: string): void {
  let i = 0;
  const skip = () => {
    while (text[i] === ' ') i++;
  };
  const fail = (what: string): never => {
    throw new Error(`tsquery: ${what} at ${i} in ${text}`);
  };
  const eat = (op: string): boolean => {
    skip();
    if (!text.startsWith(op, i)) return false;
    i += op.length;
    return true;
  };
  const lexeme = () => {
    skip();
    if (text[i] !== "'") fail('lexeme expected');
    i++;
    let length = 0;
    for (;;) {
      if (i >= text.length) fail('unclosed lexeme');
      const c = text[i]!;
      if ((c === "'" && text[i + 1] === "'") || (c === '\\' && text[i + 1] === '\\')) i += 2;
      else if (c === "'") break;
      else if (c === '\\') fail('lone backslash');
      else i++;
      length++;
    }
    i++;
    if (length === 0) fail('empty lexeme');
    if (text[i] === ':') {
      i++;
      const start = i;
      while (/[ABCD]/.test(text[i] ?? '')) i++;
      if (i === start) fail('weight expected');
    }
  };
  const unary = (): void => {
    if (eat('!')) return unary();
    if (eat('(')) {
      or();
      if (!eat(')')) fail('")" expected');
      return;
    }
    lexeme();
  };
  const phrase = () => {
    unary();
    while (eat('<->')) unary();
  };
  const and = () => {
    phrase();
    while (eat('&')) phrase();
  };
  const or = () => {
    and();
    while (eat('|')) and();
  };
  or();
  skip();
  if (i !== text.length) fail('trailing text');
}
