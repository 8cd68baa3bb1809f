/* text_scheme.c - Scheme sources of the text module's higher-order
 * procedures (see text_scheme.h). */
#include <stddef.h>

#include "text_scheme.h"

const struct text_scheme_def text_scheme_defs[] = {
	{"base", "string-map",
	 "(lambda (proc s . more)\n"
	 "  (let* ((all (cons s more))\n"
	 "         (n (apply min (map string-length all)))\n"
	 "         (r (make-string n))\n"
	 "         (char-at (if (null? more)\n"
	 "                      (lambda (i) (proc (string-ref s i)))\n"
	 "                      (lambda (i) (apply proc (map (lambda (x) (string-ref x i)) all))))))\n"
	 "    (do ((i 0 (+ i 1))) ((= i n) r)\n"
	 "      (let ((c (char-at i)))\n"
	 "        (if (char? c)\n"
	 "            (string-set! r i c)\n"
	 "            (error \"string-map: the procedure returned a non-character\" c))))))"},
	{"base", "string-for-each",
	 "(lambda (proc s . more)\n"
	 "  (if (null? more)\n"
	 "      (let ((n (string-length s)))\n"
	 "        (do ((i 0 (+ i 1))) ((= i n))\n"
	 "          (proc (string-ref s i))))\n"
	 "      (let* ((all (cons s more))\n"
	 "             (n (apply min (map string-length all))))\n"
	 "        (do ((i 0 (+ i 1))) ((= i n))\n"
	 "          (apply proc (map (lambda (x) (string-ref x i)) all))))))"},
	{"base", "call-with-port",
	 "(lambda (port proc)\n"
	 "  (call-with-values (lambda () (proc port))\n"
	 "    (lambda results (close-port port) (apply values results))))"},
	{"file", "call-with-input-file",
	 "(lambda (file proc)\n"
	 "  (let ((port (open-input-file file)))\n"
	 "    (call-with-values (lambda () (proc port))\n"
	 "      (lambda results (close-port port) (apply values results)))))"},
	{"file", "call-with-output-file",
	 "(lambda (file proc)\n"
	 "  (let ((port (open-output-file file)))\n"
	 "    (call-with-values (lambda () (proc port))\n"
	 "      (lambda results (close-port port) (apply values results)))))"},
	{"file", "with-input-from-file",
	 "(lambda (file thunk)\n"
	 "  (let ((port (open-input-file file)))\n"
	 "    (call-with-values\n"
	 "      (lambda () (parameterize ((current-input-port port)) (thunk)))\n"
	 "      (lambda results (close-port port) (apply values results)))))"},
	{"file", "with-output-to-file",
	 "(lambda (file thunk)\n"
	 "  (let ((port (open-output-file file)))\n"
	 "    (call-with-values\n"
	 "      (lambda () (parameterize ((current-output-port port)) (thunk)))\n"
	 "      (lambda results (close-port port) (apply values results)))))"},
	{NULL, NULL, NULL},
};
