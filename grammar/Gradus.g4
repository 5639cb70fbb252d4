grammar Gradus;
program : EOF ;
WS : [ \t\r\n]+ -> skip ;
