;;; (srfi 115): regular expressions written as SREs.
;;;
;;; regexp compiles an SRE into a backtracking matcher made of closures:
;;; each node is (lambda (i k) ...), trying to match at index i and calling
;;; the continuation k with each index where its match could end, in order
;;; of preference, until k accepts.  Submatch registers live in one vector
;;; per match attempt and are restored when a branch backtracks.  A
;;; repetition of a single character set, the common case, scans forward
;;; in a loop and backs off, so it uses no stack per character.
;;;
;;; Character sets are (srfi 14) sets; in a Unicode context (the default)
;;; the named sets use the Unicode properties R7RS's character predicates
;;; use, whitespace included (White_Space, so tab and newline are spaces
;;; as the SRFI's examples need).  grapheme matches a character that is
;;; not a combining mark followed by any combining marks, or CR LF: an
;;; approximation of UAX #29's extended grapheme clusters.
(define-library (srfi 115)
  (import (scheme base) (scheme char) (scheme case-lambda) (srfi 14)
          (pxen charset))
  (export regexp rx regexp->sre char-set->sre valid-sre? regexp?
          regexp-matches regexp-matches? regexp-search regexp-fold
          regexp-extract regexp-split regexp-partition regexp-replace
          regexp-replace-all regexp-match? regexp-match-count
          regexp-match-submatch regexp-match-submatch-start
          regexp-match-submatch-end regexp-match->list)
  (begin
    (define-record-type <regexp>
      (make-regexp sre matcher groups names)
      regexp?
      (sre regexp->sre)
      (matcher regexp-matcher)
      (groups regexp-groups)
      (names regexp-names))

    (define-record-type <regexp-match>
      (make-regexp-match string regs names)
      regexp-match?
      (string match-string)
      (regs match-regs)
      (names match-names))

    (define (sre-error msg sre) (error (string-append "regexp: " msg) sre))

    ;; ---- character sets ----

    (define (property name) (make-cs (inversion-of-property name)))
    ;; The char-set of an inversion list, by unions in a balanced tree.
    (define (make-cs ranges)
      (let build ((lo 0) (hi (quotient (vector-length ranges) 2)))
        (cond ((= lo hi) (char-set))
              ((= (+ lo 1) hi)
               (ucs-range->char-set (vector-ref ranges (* 2 lo))
                                    (vector-ref ranges (+ 1 (* 2 lo)))))
              (else (let ((mid (quotient (+ lo hi) 2)))
                      (char-set-union (build lo mid) (build mid hi)))))))

    (define cs:lower (property 'lowercase))
    (define cs:upper (property 'uppercase))
    (define cs:alpha (property 'alphabetic))
    (define cs:white (property 'white-space))
    (define cs:numeric char-set:digit)
    (define cs:alnum (char-set-union cs:alpha cs:numeric))
    (define cs:graphic
      (char-set-union cs:alnum char-set:punctuation char-set:symbol))
    (define cs:printing (char-set-union cs:graphic cs:white))
    (define cs:control
      (char-set-complement
       (char-set-union char-set:letter char-set:digit cs:alpha
                       (make-cs (inversion-of-categories
                                 "MnMcMeNlNoPcPdPsPePiPfPoSmScSkSoZsZlZp")))))
    (define cs:mark (make-cs (inversion-of-categories "MnMcMe")))
    (define cs:word (char-set-adjoin cs:alnum #\_))
    (define cs:ascii-word
      (char-set-adjoin (char-set-intersection cs:alnum char-set:ascii) #\_))
    (define cs:nonl (char-set-complement (char-set #\newline #\return)))

    (define (named-set name ascii?)
      (define (ascii cs) (if ascii? (char-set-intersection cs char-set:ascii) cs))
      (case name
        ((any) (if ascii? char-set:ascii char-set:full))
        ((nonl) (ascii cs:nonl))
        ((ascii) char-set:ascii)
        ((lower-case lower) (ascii cs:lower))
        ((upper-case upper) (ascii cs:upper))
        ((title-case title) (ascii char-set:title-case))
        ((alphabetic alpha) (ascii cs:alpha))
        ((numeric num digit) (ascii cs:numeric))
        ((alphanumeric alphanum alnum) (ascii cs:alnum))
        ((punctuation punct) (ascii char-set:punctuation))
        ((symbol) (ascii char-set:symbol))
        ((graphic graph) (ascii cs:graphic))
        ((whitespace white space) (ascii cs:white))
        ((printing print) (ascii cs:printing))
        ((control cntrl) (ascii cs:control))
        ((hex-digit xdigit) char-set:hex-digit)
        (else #f)))

    (define (case-variants cs)
      (if (> (char-set-size cs) 20000)
          cs
          (char-set-union cs (char-set-map char-upcase cs)
                          (char-set-map char-downcase cs)
                          (char-set-map char-foldcase cs))))

    (define (range-set specs)
      (let ((chars (let flat ((specs specs))
                     (cond ((null? specs) '())
                           ((char? (car specs)) (cons (car specs) (flat (cdr specs))))
                           ((string? (car specs))
                            (append (string->list (car specs)) (flat (cdr specs))))
                           (else (sre-error "bad range spec" (car specs)))))))
        (let loop ((chars chars) (cs (char-set)))
          (cond ((null? chars) cs)
                ((null? (cdr chars)) (sre-error "odd number of range ends" specs))
                (else (loop (cddr chars)
                            (ucs-range->char-set (char->integer (car chars))
                                                 (+ 1 (char->integer (cadr chars)))
                                                 #f cs)))))))

    ;; The char-set an SRE denotes if it is a cset-sre, else #f.
    (define (cset sre nocase? ascii?)
      (define (term cs) (if nocase? (case-variants cs) cs))
      (define (sub x) (cset x nocase? ascii?))
      (define (subs xs)
        (let loop ((xs xs) (acc '()))
          (cond ((null? xs) (reverse acc))
                ((sub (car xs)) => (lambda (cs) (loop (cdr xs) (cons cs acc))))
                (else #f))))
      (define (universe) (if ascii? char-set:ascii char-set:full))
      (cond ((char? sre) (term (char-set sre)))
            ((and (string? sre) (= (string-length sre) 1))
             (term (string->char-set sre)))
            ((char-set? sre) (term sre))
            ((symbol? sre)
             (let ((cs (named-set sre ascii?)))
               (and cs
                    (if (and nocase? (memq sre '(lower-case lower upper-case upper)))
                        (named-set 'alpha ascii?)
                        cs))))
            ((and (pair? sre) (list? sre))
             (let ((head (car sre)) (args (cdr sre)))
               (cond ((and (string? head) (null? args)) (term (string->char-set head)))
                     ((eq? head 'char-set)
                      (and (= (length args) 1) (string? (car args))
                           (term (string->char-set (car args)))))
                     ((memq head '(/ char-range)) (term (range-set args)))
                     ((memq head '(or |\||))
                      (let ((sets (subs args)))
                        (and sets (apply char-set-union sets))))
                     ((memq head '(and &))
                      (let ((sets (subs args)))
                        (and sets (if (null? sets)
                                      (universe)
                                      (apply char-set-intersection sets)))))
                     ((memq head '(- difference))
                      (let ((sets (subs args)))
                        (and sets (pair? sets) (apply char-set-difference sets))))
                     ((memq head '(~ complement))
                      (let ((sets (subs args)))
                        (and sets (char-set-difference (universe)
                                                       (apply char-set-union sets)))))
                     ((and (memq head '(w/case w/nocase w/ascii w/unicode))
                           (= (length args) 1))
                      (cset (car args)
                            (case head ((w/case) #f) ((w/nocase) #t) (else nocase?))
                            (case head ((w/ascii) #t) ((w/unicode) #f) (else ascii?))))
                     (else #f))))
            (else #f)))

    (define (char-set->sre cs)
      (let ((ranges (let loop ((cur (char-set-cursor cs)) (acc '()))
                      (if (end-of-char-set? cur)
                          (reverse acc)
                          (let ((c (char-set-ref cs cur)))
                            (if (and (pair? acc)
                                     (= (char->integer c)
                                        (+ 1 (char->integer (cdar acc)))))
                                (begin (set-cdr! (car acc) c)
                                       (loop (char-set-cursor-next cs cur) acc))
                                (loop (char-set-cursor-next cs cur)
                                      (cons (cons c c) acc))))))))
        (cons '/ (map (lambda (r) (string (car r) (cdr r))) ranges))))

    ;; ---- compiling ----

    ;; A compiled node is (lambda (i k) ...) over the state of one match
    ;; attempt, which the node reads through the closure's free variable
    ;; st: the string, the bounds and the registers.
    (define-record-type <state>
      (make-state str start end regs)
      state?
      (str st-str)
      (start st-start)
      (end st-end)
      (regs st-regs))

    (define (word-at? st i ascii?)
      (and (>= i (st-start st)) (< i (st-end st))
           (char-set-contains? (if ascii? cs:ascii-word cs:word)
                               (string-ref (st-str st) i))))

    (define (line-end-char? c) (or (char=? c #\newline) (char=? c #\return)))

    ;; Compiles sre into a procedure of the state returning a node.  ctx:
    ;; nocase?, ascii?, capture?; groups: a box (pair) counting
    ;; submatches; names: a box of (name . index).
    (define (compile sre nocase? ascii? capture? groups names)
      (define (again x) (compile x nocase? ascii? capture? groups names))
      (define (seq xs) (compile-seq (map again xs)))
      (define (with-ctx xs n a c) (compile-seq (map (lambda (x) (compile x n a c groups names)) xs)))
      (define (repeat from to greedy? body)
        (let ((cs (and (pair? body) (null? (cdr body))
                       (cset (car body) nocase? ascii?))))
          (if cs
              (compile-set-repeat cs from to greedy?)
              (compile-repeat from to greedy? (seq body)))))
      (define (count-arg n)
        (if (and (exact-integer? n) (>= n 0)) n (sre-error "bad repetition count" sre)))
      (let ((cs (cset sre nocase? ascii?)))
        (cond
         (cs (compile-set cs))
         ((string? sre) (compile-string sre nocase?))
         ((symbol? sre)
          (case sre
            ((bos) (lambda (st) (lambda (i k) (and (= i (st-start st)) (k i)))))
            ((eos) (lambda (st) (lambda (i k) (and (= i (st-end st)) (k i)))))
            ((bol) (lambda (st)
                     (lambda (i k)
                       (and (or (= i (st-start st))
                                (line-end-char? (string-ref (st-str st) (- i 1))))
                            (not (and (> i (st-start st)) (< i (st-end st))
                                      (char=? (string-ref (st-str st) (- i 1)) #\return)
                                      (char=? (string-ref (st-str st) i) #\newline)))
                            (k i)))))
            ((eol) (lambda (st)
                     (lambda (i k)
                       (and (or (= i (st-end st))
                                (line-end-char? (string-ref (st-str st) i)))
                            (not (and (> i (st-start st)) (< i (st-end st))
                                      (char=? (string-ref (st-str st) (- i 1)) #\return)
                                      (char=? (string-ref (st-str st) i) #\newline)))
                            (k i)))))
            ((bow) (lambda (st)
                     (lambda (i k)
                       (and (not (word-at? st (- i 1) ascii?)) (word-at? st i ascii?)
                            (k i)))))
            ((eow) (lambda (st)
                     (lambda (i k)
                       (and (word-at? st (- i 1) ascii?) (not (word-at? st i ascii?))
                            (k i)))))
            ((nwb) (lambda (st)
                     (lambda (i k)
                       (and (eq? (word-at? st (- i 1) ascii?) (word-at? st i ascii?))
                            (k i)))))
            ((word) (again '(word+ any)))
            ((bog) (lambda (st)
                     (lambda (i k)
                       (and (not (and (< i (st-end st)) (> i (st-start st))
                                      (or (char-set-contains? cs:mark (string-ref (st-str st) i))
                                          (and (char=? (string-ref (st-str st) (- i 1)) #\return)
                                               (char=? (string-ref (st-str st) i) #\newline)))))
                            (k i)))))
            ((eog) (again 'bog))
            ((grapheme)
             (if ascii?
                 (again 'any)
                 (again `(or "\r\n" (: ,(char-set-complement cs:mark) (* ,cs:mark))
                             ,cs:mark))))
            (else (sre-error "unknown SRE" sre))))
         ((and (pair? sre) (list? sre))
          (let ((head (car sre)) (args (cdr sre)))
            (case head
              ((: seq) (seq args))
              ((or |\||)
               (compile-or (map again args)))
              ((* zero-or-more) (repeat 0 #f #t args))
              ((+ one-or-more) (repeat 1 #f #t args))
              ((? optional) (repeat 0 1 #t args))
              ((= exactly)
               (let ((n (count-arg (car args))))
                 (repeat n n #t (cdr args))))
              ((>= at-least) (repeat (count-arg (car args)) #f #t (cdr args)))
              ((** repeated)
               (repeat (count-arg (car args)) (count-arg (cadr args)) #t (cddr args)))
              ((?? non-greedy-optional) (repeat 0 1 #f args))
              ((*? non-greedy-zero-or-more) (repeat 0 #f #f args))
              ((**? non-greedy-repeated)
               (repeat (count-arg (car args)) (count-arg (cadr args)) #f (cddr args)))
              (($ submatch)
               (if capture?
                   (let ((index (new-group! groups)))
                     (compile-group index (seq args)))
                   (seq args)))
              ((-> submatch-named)
               (unless (and (pair? args) (symbol? (car args)))
                 (sre-error "submatch-named needs a name" sre))
               (if capture?
                   (let ((index (new-group! groups)))
                     (set-car! names (cons (cons (car args) index) (car names)))
                     (compile-group index (seq (cdr args))))
                   (seq (cdr args))))
              ((w/case) (with-ctx args #f ascii? capture?))
              ((w/nocase) (with-ctx args #t ascii? capture?))
              ((w/ascii) (with-ctx args nocase? #t capture?))
              ((w/unicode) (with-ctx args nocase? #f capture?))
              ((w/nocapture) (with-ctx args nocase? ascii? #f))
              ((word) (seq `(bow ,@args eow)))
              ((word+)
               (again `(word (+ (and ,(if ascii? cs:ascii-word cs:word)
                                     (or ,@args))))))
              ((look-ahead) (compile-look (seq args) #t))
              ((neg-look-ahead) (compile-look (seq args) #f))
              ((look-behind) (compile-look-behind (seq args) #t))
              ((neg-look-behind) (compile-look-behind (seq args) #f))
              ((backref)
               (unless (= (length args) 1) (sre-error "bad backref" sre))
               (compile-backref (car args) names nocase?))
              (else (sre-error "unknown SRE" sre)))))
         (else (sre-error "not an SRE" sre)))))

    (define (new-group! groups)
      (set-car! groups (+ (car groups) 1))
      (car groups))

    (define (compile-set cs)
      (lambda (st)
        (let ((str (st-str st)) (end (st-end st)))
          (lambda (i k)
            (and (< i end) (char-set-contains? cs (string-ref str i)) (k (+ i 1)))))))

    (define (compile-string s nocase?)
      (let ((n (string-length s)) (same? (if nocase? char-ci=? char=?)))
        (lambda (st)
          (let ((str (st-str st)) (end (st-end st)))
            (lambda (i k)
              (and (<= (+ i n) end)
                   (let loop ((j 0))
                     (cond ((= j n) (k (+ i n)))
                           ((same? (string-ref s j) (string-ref str (+ i j)))
                            (loop (+ j 1)))
                           (else #f)))))))))

    (define (compile-seq nodes)
      (cond ((null? nodes) (lambda (st) (lambda (i k) (k i))))
            ((null? (cdr nodes)) (car nodes))
            (else
             (let ((first (car nodes)) (rest (compile-seq (cdr nodes))))
               (lambda (st)
                 (let ((a (first st)) (b (rest st)))
                   (lambda (i k) (a i (lambda (j) (b j k))))))))))

    (define (compile-or nodes)
      (lambda (st)
        (let ((ms (map (lambda (n) (n st)) nodes)))
          (lambda (i k)
            (let loop ((ms ms))
              (and (pair? ms)
                   (or ((car ms) i k) (loop (cdr ms)))))))))

    ;; from..to (to #f: unbounded) repetitions, greedy or not.  An
    ;; iteration that matches the empty string ends the repetition, which
    ;; keeps (* (? x)) from looping.
    (define (compile-repeat from to greedy? node)
      (lambda (st)
        (let ((m (node st)))
          (define (rep count i k)
            (define (more)
              (and (or (not to) (< count to))
                   (m i (lambda (j) (and (> j i) (rep (+ count 1) j k))))))
            (if (< count from)
                (m i (lambda (j) (rep (+ count 1) j k)))
                (if greedy?
                    (or (more) (k i))
                    (or (k i) (more)))))
          (lambda (i k) (rep 0 i k)))))

    (define (compile-group index node)
      (lambda (st)
        (let ((m (node st)) (regs (st-regs st)))
          (lambda (i k)
            (m i (lambda (j)
                   (let ((old-start (vector-ref regs (* 2 index)))
                         (old-end (vector-ref regs (+ 1 (* 2 index)))))
                     (vector-set! regs (* 2 index) i)
                     (vector-set! regs (+ 1 (* 2 index)) j)
                     (or (k j)
                         (begin (vector-set! regs (* 2 index) old-start)
                                (vector-set! regs (+ 1 (* 2 index)) old-end)
                                #f)))))))))

    (define (compile-look node positive?)
      (lambda (st)
        (let ((m (node st)))
          (lambda (i k)
            (let ((found (m i (lambda (j) #t))))
              (and (if positive? found (not found)) (k i)))))))

    (define (compile-look-behind node positive?)
      (lambda (st)
        (let ((m (node st)))
          (lambda (i k)
            (let ((found (let loop ((j i))
                           (and (>= j (st-start st))
                                (or (m j (lambda (e) (= e i)))
                                    (loop (- j 1)))))))
              (and (if positive? found (not found)) (k i)))))))

    (define (compile-backref ref names nocase?)
      (lambda (st)
        (let ((regs (st-regs st)) (str (st-str st)) (same? (if nocase? char-ci=? char=?)))
          (lambda (i k)
            (let* ((index (if (symbol? ref)
                              (let ((p (assq ref (car names))))
                                (if p (cdr p) (sre-error "unknown backref" ref)))
                              ref))
                   (s (vector-ref regs (* 2 index)))
                   (e (vector-ref regs (+ 1 (* 2 index)))))
              (and s
                   (let ((n (- e s)))
                     (and (<= (+ i n) (st-end st))
                          (let loop ((j 0))
                            (cond ((= j n) (k (+ i n)))
                                  ((same? (string-ref str (+ s j)) (string-ref str (+ i j)))
                                   (loop (+ j 1)))
                                  (else #f)))))))))))

    ;; A repetition of one character set scans in a loop: the greedy form
    ;; tries the longest run first and backs off one character at a time,
    ;; the non-greedy one the reverse; neither nests a call per character.
    (define (compile-set-repeat cs from to greedy?)
      (lambda (st)
        (let ((str (st-str st)) (end (st-end st)))
          (lambda (i k)
            (let scan ((j i))
              (if (and (< j end) (or (not to) (< (- j i) to))
                       (char-set-contains? cs (string-ref str j)))
                  (scan (+ j 1))
                  (and (>= (- j i) from)
                       (if greedy?
                           (let back ((e j))
                             (and (>= e (+ i from)) (or (k e) (back (- e 1)))))
                           (let fwd ((e (+ i from)))
                             (and (<= e j) (or (k e) (fwd (+ e 1)))))))))))))

    (define (regexp re)
      (if (regexp? re)
          re
          (let* ((groups (list 0))
                 (names (list '()))
                 (node (compile re #f #f #t groups names)))
            (make-regexp re node (car groups) (reverse (car names))))))

    (define (valid-sre? x)
      (call-with-current-continuation
       (lambda (return)
         (with-exception-handler
          (lambda (e) (return #f))
          (lambda () (regexp x) #t)))))

    (define-syntax rx
      (syntax-rules ()
        ((_ sre ...) (regexp `(: sre ...)))))

    ;; ---- matching ----

    (define (bounds who str start end)
      (unless (string? str)
        (error (string-append (symbol->string who) ": expected a string") str))
      (let ((end (if (or (eq? end #f) (eq? end 'none)) (string-length str) end)))
        (unless (and (exact-integer? start) (exact-integer? end)
                     (<= 0 start end (string-length str)))
          (error (string-append (symbol->string who) ": bad start or end") start end))
        end))

    ;; Tries re at i; returns the match or #f.  anchored-end?: the match
    ;; must end at end.
    (define (match-at rx str start end i anchored-end?)
      (let* ((n (regexp-groups rx))
             (regs (make-vector (* 2 (+ n 1)) #f))
             (st (make-state str start end regs))
             (m ((regexp-matcher rx) st)))
        (and (m i (lambda (j)
                    (and (or (not anchored-end?) (= j end))
                         (begin (vector-set! regs 0 i)
                                (vector-set! regs 1 j)
                                #t))))
             (make-regexp-match str regs (regexp-names rx)))))

    (define (search rx str start end from)
      (let* ((n (regexp-groups rx))
             (regs (make-vector (* 2 (+ n 1)) #f))
             (st (make-state str start end regs))
             (m ((regexp-matcher rx) st)))
        (let loop ((i from))
          (and (<= i end)
               (if (m i (lambda (j) (vector-set! regs 0 i) (vector-set! regs 1 j) #t))
                   (make-regexp-match str regs (regexp-names rx))
                   (loop (+ i 1)))))))

    (define regexp-matches
      (case-lambda
        ((re str) (regexp-matches re str 0 #f))
        ((re str start) (regexp-matches re str start #f))
        ((re str start end)
         (let ((end (bounds 'regexp-matches str start end)))
           (match-at (regexp re) str start end start #t)))))

    (define (regexp-matches? . args) (and (apply regexp-matches args) #t))

    (define regexp-search
      (case-lambda
        ((re str) (regexp-search re str 0 #f))
        ((re str start) (regexp-search re str start #f))
        ((re str start end)
         (let ((end (bounds 'regexp-search str start end)))
           (search (regexp re) str start end start)))))

    (define (regexp-fold re kons knil str . opt)
      (let* ((finish (if (pair? opt) (car opt) (lambda (i m s acc) acc)))
             (start (if (and (pair? opt) (pair? (cdr opt))) (cadr opt) 0))
             (end (bounds 'regexp-fold str start
                          (if (and (pair? opt) (pair? (cdr opt)) (pair? (cddr opt)))
                              (caddr opt)
                              #f)))
             (rx (regexp re)))
        (let loop ((i start) (from start) (acc knil))
          (let ((m (and (<= from end) (search rx str start end from))))
            (if (not m)
                (finish i #f str acc)
                (let ((s (regexp-match-submatch-start m 0))
                      (e (regexp-match-submatch-end m 0)))
                  (cond ((< s e) (loop e e (kons i m str acc)))
                        ;; An empty match right where a match ended is
                        ;; not reported; either way the search moves on.
                        ((and (= e i) (> i start)) (loop i (+ e 1) acc))
                        (else (loop e (+ e 1) (kons i m str acc))))))))))

    (define (regexp-extract re str . opt)
      (reverse
       (apply regexp-fold re
              (lambda (i m s acc)
                (let ((text (regexp-match-submatch m 0)))
                  (if (string=? text "") acc (cons text acc))))
              '() str (lambda (i m s acc) acc) opt)))

    (define (split-bounds who str opt)
      (let ((start (if (pair? opt) (car opt) 0)))
        (values start
                (bounds who str start (if (and (pair? opt) (pair? (cdr opt)))
                                          (cadr opt)
                                          #f)))))

    (define (regexp-split re str . opt)
      (let-values (((start end) (split-bounds 'regexp-split str opt)))
        (let loop ((from start) (piece start) (acc '()) (rx (regexp re)))
          (let ((m (and (< from end) (search-non-empty rx str start end from))))
            (if (not m)
                (reverse (cons (substring str piece end) acc))
                (let ((s (regexp-match-submatch-start m 0))
                      (e (regexp-match-submatch-end m 0)))
                  (loop e e (cons (substring str piece s) acc) rx)))))))

    (define (regexp-partition re str . opt)
      (let-values (((start end) (split-bounds 'regexp-partition str opt)))
        (let loop ((from start) (acc '()) (rx (regexp re)))
          (let ((m (and (< from end) (search-non-empty rx str start end from))))
            (if (not m)
                (reverse (if (and (= from end) (pair? acc))
                             acc
                             (cons (substring str from end) acc)))
                (let ((s (regexp-match-submatch-start m 0))
                      (e (regexp-match-submatch-end m 0)))
                  (loop e (cons (substring str s e) (cons (substring str from s) acc))
                        rx)))))))

    (define (search-non-empty rx str start end from)
      (let loop ((from from))
        (let ((m (and (<= from end) (search rx str start end from))))
          (cond ((not m) #f)
                ((< (regexp-match-submatch-start m 0) (regexp-match-submatch-end m 0)) m)
                (else (loop (+ (regexp-match-submatch-start m 0) 1)))))))

    (define (substitute m subst str start end out)
      (cond ((string? subst) (write-string subst out))
            ((or (exact-integer? subst) (and (symbol? subst) (not (memq subst '(pre post)))))
             (let ((s (regexp-match-submatch m subst)))
               (when s (write-string s out))))
            ((eq? subst 'pre)
             (write-string (substring str start (regexp-match-submatch-start m 0)) out))
            ((eq? subst 'post)
             (write-string (substring str (regexp-match-submatch-end m 0) end) out))
            ((list? subst)
             (for-each (lambda (x) (substitute m x str start end out)) subst))
            (else (error "regexp-replace: bad substitution" subst))))

    (define (replace who re str subst start end count all?)
      (let* ((end (bounds who str start end))
             (rx (regexp re))
             (out (open-output-string)))
        (let loop ((from start) (copied start) (n 0))
          (let ((m (and (<= from end) (search rx str start end from))))
            (if (not m)
                (begin (write-string (substring str copied end) out)
                       (get-output-string out))
                (let ((s (regexp-match-submatch-start m 0))
                      (e (regexp-match-submatch-end m 0)))
                  (if (or all? (= n count))
                      (begin
                        (write-string (substring str copied s) out)
                        (substitute m subst str start end out)
                        (if all?
                            (if (= s e)
                                (begin (when (< e end) (write-char (string-ref str e) out))
                                       (loop (+ e 1) (min end (+ e 1)) (+ n 1)))
                                (loop e e (+ n 1)))
                            (begin (write-string (substring str e end) out)
                                   (get-output-string out))))
                      (loop (if (= s e) (+ e 1) e) copied (+ n 1)))))))))

    (define regexp-replace
      (case-lambda
        ((re str subst) (replace 'regexp-replace re str subst 0 #f 0 #f))
        ((re str subst start) (replace 'regexp-replace re str subst start #f 0 #f))
        ((re str subst start end) (replace 'regexp-replace re str subst start end 0 #f))
        ((re str subst start end count)
         (replace 'regexp-replace re str subst start end count #f))))

    (define regexp-replace-all
      (case-lambda
        ((re str subst) (replace 'regexp-replace-all re str subst 0 #f 0 #t))
        ((re str subst start) (replace 'regexp-replace-all re str subst start #f 0 #t))
        ((re str subst start end)
         (replace 'regexp-replace-all re str subst start end 0 #t))))

    ;; ---- match objects ----

    (define (regexp-match-count m) (- (quotient (vector-length (match-regs m)) 2) 1))

    (define (field-index m field)
      (cond ((and (exact-integer? field) (<= 0 field (regexp-match-count m))) field)
            ((symbol? field)
             (let loop ((names (match-names m)) (first #f))
               (cond ((null? names)
                      (or first (error "regexp-match-submatch: no submatch named" field)))
                     ((eq? (caar names) field)
                      (if (vector-ref (match-regs m) (* 2 (cdar names)))
                          (cdar names)
                          (loop (cdr names) (or first (cdar names)))))
                     (else (loop (cdr names) first)))))
            (else (error "regexp-match-submatch: no such submatch" field))))

    (define (regexp-match-submatch-start m field)
      (vector-ref (match-regs m) (* 2 (field-index m field))))

    (define (regexp-match-submatch-end m field)
      (vector-ref (match-regs m) (+ 1 (* 2 (field-index m field)))))

    (define (regexp-match-submatch m field)
      (let ((s (regexp-match-submatch-start m field)))
        (and s (substring (match-string m) s (regexp-match-submatch-end m field)))))

    (define (regexp-match->list m)
      (let loop ((i (regexp-match-count m)) (acc '()))
        (if (< i 0)
            acc
            (loop (- i 1) (cons (regexp-match-submatch m i) acc)))))))
