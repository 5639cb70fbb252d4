/*
 * Gradus grammar. Alternatives of `expr` are ordered by precedence, highest first
 * (ANTLR gives earlier alternatives of a left-recursive rule higher precedence).
 * Newlines inside ( ) and [ ] are dropped by the lexer; inside { } and at top level
 * they separate statements.
 */
grammar Gradus;

@lexer::members {
  private final java.util.ArrayDeque<Character> brackets = new java.util.ArrayDeque<>();
  private void open(char c) { brackets.push(c); }
  private void close() { if (!brackets.isEmpty()) brackets.pop(); }
  private boolean insideParens() { return !brackets.isEmpty() && brackets.peek() != '{'; }
}

// `optimizer`, `require` and `state` are words only where they start their statement: a user may
// still name a value `optimizer` or `state`
@parser::members {
  private boolean isWord(String w) { return _input.LT(1).getText().equals(w); }
}

// "statement (sep+ statement?)*" rather than "(statement (sep+ statement)*)? sep*": the same
// language, but no choice has to look past a whole run of separators (quadratic in blank lines)
program   : sep* (statement (sep+ statement?)*)? EOF ;
sep       : NEWLINE | SEMI ;
block     : LBRACE sep* (statement (sep+ statement?)*)? RBRACE ;

statement
  : NAME LPAREN params (SEMI params)? RPAREN ASSIGN (expr | body)     # Declare
  | {isWord("optimizer")}? NAME NAME LPAREN args? RPAREN optimizerBody  # Optimizer
  | NAME ASSIGN expr                                                  # Bind
  | FOR NAME IN expr block                                            # For
  | ifStatement                                                       # If
  | expr                                                              # ExprStatement
  ;

// an optimizer's body: its require and state lines, then the statements of one update
optimizerBody : LBRACE sep* (optimizerLine (sep+ optimizerLine?)*)? RBRACE ;
optimizerLine
  : {isWord("require")}? NAME expr                                    # Require
  | {isWord("state")}? NAME NAME ASSIGN expr                          # State
  | statement                                                         # UpdateLine
  ;

ifStatement : IF expr block (NEWLINE* ELSE (ifStatement | block))? ;

params    : param (COMMA param)* ;
param     : NAME (LBRACK expr (COMMA expr)? RBRACK)? ;

// a block body: local definitions, then the value (the last line)
body      : LBRACE sep* bodyLine (sep+ bodyLine?)* RBRACE ;
bodyLine
  : NAME LBRACK binding (COMMA binding)? RBRACK ASSIGN expr           # LocalArray
  | NAME ASSIGN expr                                                  # LocalValue
  | expr                                                              # BodyValue
  ;
binding   : NAME IN expr ;

expr
  : expr LPAREN args? RPAREN                                          # Call
  | expr LBRACK expr (COMMA expr)* RBRACK                              # Index
  | expr DOT NAME                                                     # Field
  | <assoc=right> expr op=(CARET | STARSTAR) expr                     # Power
  | MINUS expr                                                        # Negate
  | PLUS expr                                                         # Plus
  | expr op=(STAR | SLASH) expr                                       # Multiply
  | expr op=(PLUS | MINUS) expr                                       # Add
  | expr DOTDOT expr                                                  # Range
  | expr op=(LT | LE | GT | GE | EQ | NE) expr                        # Compare
  | NOT expr                                                          # Not
  | expr AND expr                                                     # And
  | expr OR expr                                                      # Or
  | NUMBER                                                            # Number
  | STRING                                                            # String
  | NAME                                                              # Name
  | LPAREN expr RPAREN                                                # Parens
  | LBRACK (expr (COMMA expr)* COMMA?)? RBRACK                        # List
  ;

args      : arg (COMMA arg)* COMMA? ;
arg
  : NAME IN expr                                                      # IndexArg
  | NAME ASSIGN expr                                                  # KeywordArg
  | expr                                                              # PositionalArg
  ;

FOR      : 'for' ;
IN       : 'in' ;
IF       : 'if' ;
ELSE     : 'else' ;
AND      : 'and' ;
OR       : 'or' ;
NOT      : 'not' ;

NUMBER   : DIGITS ('.' DIGITS)? EXPONENT? | '.' DIGITS EXPONENT? ;
fragment DIGITS   : [0-9]+ ;
fragment EXPONENT : [eE] [+-]? DIGITS ;
STRING   : '"' ( '\\' [\\"n] | ~[\\"\r\n] )* '"' ;
UNTERMINATED_STRING : '"' ( '\\' ~[\r\n] | ~[\\"\r\n] )* ;
NAME     : [\p{L}_] [\p{L}\p{N}_]* ;

LPAREN   : '(' { open('('); } ;
RPAREN   : ')' { close(); } ;
LBRACK   : '[' { open('['); } ;
RBRACK   : ']' { close(); } ;
LBRACE   : '{' { open('{'); } ;
RBRACE   : '}' { close(); } ;
STARSTAR : '**' ;
CARET    : '^' ;
STAR     : '*' ;
SLASH    : '/' ;
PLUS     : '+' ;
MINUS    : '-' ;
DOTDOT   : '..' ;
DOT      : '.' ;
LE       : '<=' ;
GE       : '>=' ;
EQ       : '==' ;
NE       : '!=' ;
LT       : '<' ;
GT       : '>' ;
ASSIGN   : '=' ;
COMMA    : ',' ;
SEMI     : ';' ;

NEWLINE  : ('\r'? '\n' | '\r') { if (insideParens()) skip(); } ;
COMMENT  : '#' ~[\r\n]* -> skip ;
WS       : [ \t\f]+ -> skip ;
LINE_JOIN : '\\' [ \t]* ('\r'? '\n') -> skip ;
ERROR_CHAR : . ;
