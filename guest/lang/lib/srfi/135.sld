;;; (srfi 135): immutable texts.  A text is a record holding a private
;;; string that is never mutated; P's strings have O(1) string-ref, so
;;; text-ref is O(1) too.  Procedures take texts or strings ("textuals")
;;; and return texts.  textual-titlecase capitalises with the one-to-one
;;; uppercase mapping (the core has no titlecase table, which differs only
;;; for the four Latin digraph letters); textual->utf16 writes a
;;; big-endian BOM, and utf16->text reads big-endian when there is none.
;;; also-named: (scheme text)
(define-library (srfi 135)
  (import (scheme base) (scheme char) (scheme case-lambda))
  (export text? textual? textual-null? textual-every textual-any
          make-text text text-tabulate text-unfold text-unfold-right
          textual->text textual->string textual->vector textual->list
          string->text vector->text list->text reverse-list->text
          textual->utf8 textual->utf16be textual->utf16 textual->utf16le
          utf8->text utf16be->text utf16->text utf16le->text
          text-length textual-length text-ref textual-ref subtext subtextual
          textual-copy textual-take textual-take-right textual-drop
          textual-drop-right textual-pad textual-pad-right textual-trim
          textual-trim-right textual-trim-both textual-replace
          textual=? textual-ci=? textual<? textual-ci<? textual>?
          textual-ci>? textual<=? textual-ci<=? textual>=? textual-ci>=?
          textual-prefix-length textual-suffix-length textual-prefix?
          textual-suffix? textual-index textual-index-right textual-skip
          textual-skip-right textual-contains textual-contains-right
          textual-upcase textual-downcase textual-foldcase textual-titlecase
          textual-append textual-concatenate textual-concatenate-reverse
          textual-join textual-fold textual-fold-right textual-map
          textual-for-each textual-map-index textual-for-each-index
          textual-count textual-filter textual-remove textual-replicate
          textual-split)
  (begin
    (define-record-type <text>
      (wrap string)
      text?
      (string text-string))

    (define (textual? x) (or (text? x) (string? x)))

    ;; The characters of a textual as a string (not to be mutated).
    (define (str who x)
      (cond ((text? x) (text-string x))
            ((string? x) x)
            (else (error (string-append who ": not a text or string") x))))

    ;; The [start end) range of opt within a textual of length n.
    (define (range who n opt)
      (let ((start (if (pair? opt) (car opt) 0))
            (end (if (and (pair? opt) (pair? (cdr opt))) (cadr opt) n)))
        (if (not (and (exact-integer? start) (exact-integer? end) (<= 0 start end n)))
            (error (string-append who ": bad range") start end))
        (values start end)))

    ;; The substring of a textual given by optional start and end.
    (define (sub who x opt)
      (let ((s (str who x)))
        (let-values (((start end) (range who (string-length s) opt)))
          (if (and (= start 0) (= end (string-length s))) s (substring s start end)))))

    (define (string->text s . opt) (wrap (string-copy (sub "string->text" s opt))))
    (define (textual->text x)
      (if (text? x) x (wrap (string-copy (str "textual->text" x)))))

    ;; A character, string or text as a string.
    (define (piece who x)
      (if (char? x) (string x) (str who x)))

    (define (textual-null? x) (zero? (string-length (str "textual-null?" x))))

    (define (textual-every pred x . opt)
      (let ((s (str "textual-every" x)))
        (let-values (((start end) (range "textual-every" (string-length s) opt)))
          (let loop ((i start) (last #t))
            (if (= i end)
                last
                (let ((r (pred (string-ref s i)))) (and r (loop (+ i 1) r))))))))

    (define (textual-any pred x . opt)
      (let ((s (str "textual-any" x)))
        (let-values (((start end) (range "textual-any" (string-length s) opt)))
          (let loop ((i start))
            (and (< i end) (or (pred (string-ref s i)) (loop (+ i 1))))))))

    ;; --- constructors ---

    (define (make-text n c) (wrap (make-string n c)))
    (define (text . cs) (wrap (list->string cs)))
    (define (text-tabulate proc n)
      (let ((s (make-string n)))
        (do ((i 0 (+ i 1))) ((= i n) (wrap s))
          (string-set! s i (proc i)))))

    (define (text-unfold stop? mapper successor seed . opt)
      (let ((base (if (pair? opt) (car opt) ""))
            (final (if (and (pair? opt) (pair? (cdr opt))) (cadr opt) (lambda (x) ""))))
        (let loop ((seed seed) (acc (list (piece "text-unfold" base))))
          (if (stop? seed)
              (wrap (apply string-append (reverse (cons (piece "text-unfold" (final seed)) acc))))
              (loop (successor seed) (cons (piece "text-unfold" (mapper seed)) acc))))))

    (define (text-unfold-right stop? mapper successor seed . opt)
      (let ((base (if (pair? opt) (car opt) ""))
            (final (if (and (pair? opt) (pair? (cdr opt))) (cadr opt) (lambda (x) ""))))
        (let loop ((seed seed) (acc (list (piece "text-unfold-right" base))))
          (if (stop? seed)
              (wrap (apply string-append (cons (piece "text-unfold-right" (final seed)) acc)))
              (loop (successor seed) (cons (piece "text-unfold-right" (mapper seed)) acc))))))

    ;; --- conversion ---

    (define (textual->string x . opt) (string-copy (sub "textual->string" x opt)))
    (define (textual->vector x . opt) (string->vector (sub "textual->vector" x opt)))
    (define (textual->list x . opt) (string->list (sub "textual->list" x opt)))
    (define (vector->text v . opt) (wrap (apply vector->string v opt)))
    (define (list->text l . opt)
      (let ((s (list->string l)))
        (let-values (((start end) (range "list->text" (string-length s) opt)))
          (wrap (substring s start end)))))
    (define (reverse-list->text l) (wrap (list->string (reverse l))))

    (define (textual->utf8 x . opt) (string->utf8 (sub "textual->utf8" x opt)))
    (define (utf8->text bv . opt) (wrap (apply utf8->string bv opt)))

    ;; UTF-16 code units of a string, each as two bytes in the given order.
    (define (encode-utf16 s big?)
      (let ((out (open-output-bytevector)))
        (define (unit u)
          (let ((hi (quotient u 256)) (lo (remainder u 256)))
            (write-u8 (if big? hi lo) out)
            (write-u8 (if big? lo hi) out)))
        (string-for-each
         (lambda (c)
           (let ((n (char->integer c)))
             (if (< n #x10000)
                 (unit n)
                 (let ((m (- n #x10000)))
                   (unit (+ #xD800 (quotient m 1024)))
                   (unit (+ #xDC00 (remainder m 1024)))))))
         s)
        (get-output-bytevector out)))

    (define (decode-utf16 who bv start end big?)
      (if (odd? (- end start)) (error (string-append who ": odd number of bytes") bv))
      (let loop ((i start) (acc '()))
        (define (unit i)
          (let ((a (bytevector-u8-ref bv i)) (b (bytevector-u8-ref bv (+ i 1))))
            (if big? (+ (* a 256) b) (+ (* b 256) a))))
        (if (>= i end)
            (wrap (list->string (reverse acc)))
            (let ((u (unit i)))
              (cond ((and (<= #xD800 u #xDBFF) (< (+ i 3) end)
                          (<= #xDC00 (unit (+ i 2)) #xDFFF))
                     (loop (+ i 4)
                           (cons (integer->char (+ #x10000 (* (- u #xD800) 1024)
                                                   (- (unit (+ i 2)) #xDC00)))
                                 acc)))
                    ((<= #xD800 u #xDFFF) (error (string-append who ": invalid UTF-16") bv))
                    (else (loop (+ i 2) (cons (integer->char u) acc))))))))

    (define (textual->utf16be x . opt) (encode-utf16 (sub "textual->utf16be" x opt) #t))
    (define (textual->utf16le x . opt) (encode-utf16 (sub "textual->utf16le" x opt) #f))
    (define (textual->utf16 x . opt)
      (bytevector-append (bytevector #xFE #xFF) (encode-utf16 (sub "textual->utf16" x opt) #t)))

    (define (bv-range who bv opt) (range who (bytevector-length bv) opt))
    (define (utf16be->text bv . opt)
      (let-values (((s e) (bv-range "utf16be->text" bv opt))) (decode-utf16 "utf16be->text" bv s e #t)))
    (define (utf16le->text bv . opt)
      (let-values (((s e) (bv-range "utf16le->text" bv opt))) (decode-utf16 "utf16le->text" bv s e #f)))
    (define (utf16->text bv . opt)
      (let-values (((s e) (bv-range "utf16->text" bv opt)))
        (cond ((and (<= (+ s 2) e) (= (bytevector-u8-ref bv s) #xFE) (= (bytevector-u8-ref bv (+ s 1)) #xFF))
               (decode-utf16 "utf16->text" bv (+ s 2) e #t))
              ((and (<= (+ s 2) e) (= (bytevector-u8-ref bv s) #xFF) (= (bytevector-u8-ref bv (+ s 1)) #xFE))
               (decode-utf16 "utf16->text" bv (+ s 2) e #f))
              (else (decode-utf16 "utf16->text" bv s e #t)))))

    ;; --- selection ---

    (define (text-length t)
      (if (not (text? t)) (error "text-length: not a text" t))
      (string-length (text-string t)))
    (define (textual-length x) (string-length (str "textual-length" x)))
    (define (text-ref t i)
      (if (not (text? t)) (error "text-ref: not a text" t))
      (string-ref (text-string t) i))
    (define (textual-ref x i) (string-ref (str "textual-ref" x) i))
    (define (subtext t start end)
      (if (not (text? t)) (error "subtext: not a text" t))
      (wrap (sub "subtext" t (list start end))))
    (define (subtextual x start end) (wrap (string-copy (sub "subtextual" x (list start end)))))
    (define (textual-copy x . opt) (wrap (string-copy (sub "textual-copy" x opt))))
    (define (textual-take x n) (subtextual x 0 n))
    (define (textual-drop x n) (subtextual x n (textual-length x)))
    (define (textual-take-right x n) (let ((l (textual-length x))) (subtextual x (- l n) l)))
    (define (textual-drop-right x n) (subtextual x 0 (- (textual-length x) n)))

    (define (textual-pad x len . opt)
      (let* ((c (if (pair? opt) (car opt) #\space))
             (s (sub "textual-pad" x (if (pair? opt) (cdr opt) '())))
             (n (string-length s)))
        (wrap (if (>= n len)
                  (substring s (- n len) n)
                  (string-append (make-string (- len n) c) s)))))

    (define (textual-pad-right x len . opt)
      (let* ((c (if (pair? opt) (car opt) #\space))
             (s (sub "textual-pad-right" x (if (pair? opt) (cdr opt) '())))
             (n (string-length s)))
        (wrap (if (>= n len)
                  (substring s 0 len)
                  (string-append s (make-string (- len n) c))))))

    (define (trimmer who left? right?)
      (lambda (x . opt)
        (let* ((pred (if (pair? opt) (car opt) char-whitespace?))
               (s (sub who x (if (pair? opt) (cdr opt) '())))
               (n (string-length s))
               (start (if left?
                          (let loop ((i 0)) (if (and (< i n) (pred (string-ref s i))) (loop (+ i 1)) i))
                          0))
               (end (if right?
                        (let loop ((i n)) (if (and (> i start) (pred (string-ref s (- i 1)))) (loop (- i 1)) i))
                        n)))
          (wrap (substring s start end)))))
    (define textual-trim (trimmer "textual-trim" #t #f))
    (define textual-trim-right (trimmer "textual-trim-right" #f #t))
    (define textual-trim-both (trimmer "textual-trim-both" #t #t))

    (define (textual-replace x1 x2 start1 end1 . opt)
      (let ((s1 (str "textual-replace" x1)))
        (let-values (((start1 end1) (range "textual-replace" (string-length s1) (list start1 end1))))
          (wrap (string-append (substring s1 0 start1)
                               (sub "textual-replace" x2 opt)
                               (substring s1 end1 (string-length s1)))))))

    ;; --- comparison ---

    (define (compare who rel)
      (lambda (x y . more)
        (apply rel (str who x) (str who y) (map (lambda (z) (str who z)) more))))
    (define textual=? (compare "textual=?" string=?))
    (define textual<? (compare "textual<?" string<?))
    (define textual>? (compare "textual>?" string>?))
    (define textual<=? (compare "textual<=?" string<=?))
    (define textual>=? (compare "textual>=?" string>=?))
    (define textual-ci=? (compare "textual-ci=?" string-ci=?))
    (define textual-ci<? (compare "textual-ci<?" string-ci<?))
    (define textual-ci>? (compare "textual-ci>?" string-ci>?))
    (define textual-ci<=? (compare "textual-ci<=?" string-ci<=?))
    (define textual-ci>=? (compare "textual-ci>=?" string-ci>=?))

    ;; --- prefixes and suffixes ---

    ;; The two substrings given by [start1 end1 start2 end2].
    (define (two who x y opt)
      (let ((a (str who x)) (b (str who y)))
        (let-values (((s1 e1) (range who (string-length a) opt))
                     ((s2 e2) (range who (string-length b)
                                     (if (and (pair? opt) (pair? (cdr opt))) (cddr opt) '()))))
          (values (substring a s1 e1) (substring b s2 e2)))))

    (define (textual-prefix-length x y . opt)
      (let-values (((a b) (two "textual-prefix-length" x y opt)))
        (let ((n (min (string-length a) (string-length b))))
          (let loop ((i 0))
            (if (and (< i n) (char=? (string-ref a i) (string-ref b i))) (loop (+ i 1)) i)))))

    (define (textual-suffix-length x y . opt)
      (let-values (((a b) (two "textual-suffix-length" x y opt)))
        (let ((la (string-length a)) (lb (string-length b)))
          (let loop ((i 0))
            (if (and (< i (min la lb))
                     (char=? (string-ref a (- la i 1)) (string-ref b (- lb i 1))))
                (loop (+ i 1))
                i)))))

    (define (textual-prefix? x y . opt)
      (let-values (((a b) (two "textual-prefix?" x y opt)))
        (and (<= (string-length a) (string-length b))
             (string=? a (substring b 0 (string-length a))))))

    (define (textual-suffix? x y . opt)
      (let-values (((a b) (two "textual-suffix?" x y opt)))
        (let ((la (string-length a)) (lb (string-length b)))
          (and (<= la lb) (string=? a (substring b (- lb la) lb))))))

    ;; --- searching ---

    (define (searcher who from-left? want)
      (lambda (x pred . opt)
        (let ((s (str who x)))
          (let-values (((start end) (range who (string-length s) opt)))
            (if from-left?
                (let loop ((i start))
                  (cond ((= i end) #f)
                        ((eq? want (if (pred (string-ref s i)) #t #f)) i)
                        (else (loop (+ i 1)))))
                (let loop ((i (- end 1)))
                  (cond ((< i start) #f)
                        ((eq? want (if (pred (string-ref s i)) #t #f)) i)
                        (else (loop (- i 1))))))))))
    (define textual-index (searcher "textual-index" #t #t))
    (define textual-index-right (searcher "textual-index-right" #f #t))
    (define textual-skip (searcher "textual-skip" #t #f))
    (define textual-skip-right (searcher "textual-skip-right" #f #f))

    (define (contains who from-left?)
      (lambda (x y . opt)
        (let ((a (str who x)) (b (str who y)))
          (let-values (((s1 e1) (range who (string-length a) opt))
                       ((s2 e2) (range who (string-length b)
                                       (if (and (pair? opt) (pair? (cdr opt))) (cddr opt) '()))))
            (let* ((pat (substring b s2 e2)) (m (string-length pat)))
              (define (match-at? i)
                (let loop ((j 0))
                  (or (= j m)
                      (and (char=? (string-ref a (+ i j)) (string-ref pat j)) (loop (+ j 1))))))
              (if from-left?
                  (let loop ((i s1))
                    (cond ((> (+ i m) e1) #f) ((match-at? i) i) (else (loop (+ i 1)))))
                  (let loop ((i (- e1 m)))
                    (cond ((< i s1) #f) ((match-at? i) i) (else (loop (- i 1)))))))))))
    (define textual-contains (contains "textual-contains" #t))
    (define textual-contains-right (contains "textual-contains-right" #f))

    ;; --- case ---

    (define (textual-upcase x) (wrap (string-upcase (str "textual-upcase" x))))
    (define (textual-downcase x) (wrap (string-downcase (str "textual-downcase" x))))
    (define (textual-foldcase x) (wrap (string-foldcase (str "textual-foldcase" x))))

    ;; As Unicode titlecases: in each word (a run of letters and digits,
    ;; joined across an apostrophe between letters, so "who's" is one
    ;; word) the first cased letter goes to upper case, the rest to lower.
    (define (textual-titlecase x)
      (let* ((s (str "textual-titlecase" x)) (n (string-length s)))
        (define (letter? i) (and (< i n) (char-alphabetic? (string-ref s i))))
        (define (constituent? i)
          (let ((c (string-ref s i)))
            (or (char-alphabetic? c) (char-numeric? c)
                (and (memv c '(#\' #\x2019)) (> i 0) (letter? (- i 1)) (letter? (+ i 1))))))
        (let loop ((i 0) (cased-seen #f) (acc '()))
          (if (= i n)
              (wrap (apply string-append (reverse acc)))
              (let* ((c (string-ref s i))
                     (in-word (constituent? i))
                     (cased (or (char-upper-case? c) (char-lower-case? c))))
                (loop (+ i 1) (and in-word (or cased-seen cased))
                      (cons (cond ((not cased) (string c))
                                  (cased-seen (string-downcase (string c)))
                                  (else (string (char-upcase c))))
                            acc)))))))

    ;; --- concatenation ---

    (define (textual-append . xs)
      (wrap (apply string-append (map (lambda (x) (str "textual-append" x)) xs))))
    (define (textual-concatenate xs) (apply textual-append xs))
    (define textual-concatenate-reverse
      (case-lambda
        ((xs) (textual-concatenate (reverse xs)))
        ((xs final) (textual-concatenate (reverse (cons final xs))))
        ((xs final end) (textual-concatenate (reverse (cons (subtextual final 0 end) xs))))))

    (define textual-join
      (case-lambda
        ((xs) (textual-join xs " " 'infix))
        ((xs delim) (textual-join xs delim 'infix))
        ((xs delim grammar)
         (let ((d (str "textual-join" delim))
               (parts (map (lambda (x) (str "textual-join" x)) xs)))
           (wrap
            (case grammar
              ((infix strict-infix)
               (if (null? parts)
                   (if (eq? grammar 'strict-infix)
                       (error "textual-join: empty list with strict-infix grammar")
                       "")
                   (apply string-append (car parts)
                          (apply append (map (lambda (p) (list d p)) (cdr parts))))))
              ((suffix) (apply string-append (apply append (map (lambda (p) (list p d)) parts))))
              ((prefix) (apply string-append (apply append (map (lambda (p) (list d p)) parts))))
              (else (error "textual-join: unknown grammar" grammar))))))))

    ;; --- fold, map and friends ---

    (define (textual-fold kons knil x . opt)
      (let ((s (sub "textual-fold" x opt)))
        (let loop ((i 0) (acc knil))
          (if (= i (string-length s)) acc (loop (+ i 1) (kons (string-ref s i) acc))))))

    (define (textual-fold-right kons knil x . opt)
      (let ((s (sub "textual-fold-right" x opt)))
        (let loop ((i (- (string-length s) 1)) (acc knil))
          (if (< i 0) acc (loop (- i 1) (kons (string-ref s i) acc))))))

    (define (rows who xs)
      (let* ((ss (map (lambda (x) (str who x)) xs))
             (n (apply min (map string-length ss))))
        (let loop ((i (- n 1)) (acc '()))
          (if (< i 0) acc (loop (- i 1) (cons (map (lambda (s) (string-ref s i)) ss) acc))))))

    (define (textual-map proc x . xs)
      (wrap (apply string-append
                   (map (lambda (row) (piece "textual-map" (apply proc row)))
                        (rows "textual-map" (cons x xs))))))

    (define (textual-for-each proc x . xs)
      (for-each (lambda (row) (apply proc row)) (rows "textual-for-each" (cons x xs))))

    (define (textual-map-index proc x . opt)
      (let ((s (str "textual-map-index" x)))
        (let-values (((start end) (range "textual-map-index" (string-length s) opt)))
          (let loop ((i start) (acc '()))
            (if (= i end)
                (wrap (apply string-append (reverse acc)))
                (loop (+ i 1) (cons (piece "textual-map-index" (proc i)) acc)))))))

    (define (textual-for-each-index proc x . opt)
      (let ((s (str "textual-for-each-index" x)))
        (let-values (((start end) (range "textual-for-each-index" (string-length s) opt)))
          (do ((i start (+ i 1))) ((= i end)) (proc i)))))

    (define (textual-count x pred . opt)
      (apply textual-fold (lambda (c n) (if (pred c) (+ n 1) n)) 0 x opt))

    (define (textual-filter pred x . opt)
      (wrap (list->string (let loop ((l (string->list (sub "textual-filter" x opt))))
                            (cond ((null? l) '())
                                  ((pred (car l)) (cons (car l) (loop (cdr l))))
                                  (else (loop (cdr l))))))))
    (define (textual-remove pred x . opt)
      (apply textual-filter (lambda (c) (not (pred c))) x opt))

    ;; --- replication and splitting ---

    (define (textual-replicate x from to . opt)
      (let* ((s (sub "textual-replicate" x opt)) (n (string-length s)))
        (if (> from to) (error "textual-replicate: from is greater than to" from to))
        (if (and (zero? n) (< from to)) (error "textual-replicate: empty text" x))
        (let ((out (make-string (- to from))))
          (do ((i from (+ i 1))) ((= i to) (wrap out))
            (string-set! out (- i from) (string-ref s (modulo i n)))))))

    (define (textual-split x delim . opt)
      (let* ((grammar (if (pair? opt) (car opt) 'infix))
             (limit (if (and (pair? opt) (pair? (cdr opt))) (cadr opt) #f))
             (s (sub "textual-split" x (if (and (pair? opt) (pair? (cdr opt))) (cddr opt) '())))
             (d (str "textual-split" delim))
             (n (string-length s))
             (m (string-length d)))
        (if (not (memq grammar '(infix strict-infix prefix suffix)))
            (error "textual-split: unknown grammar" grammar))
        (cond ((zero? n)
               (if (eq? grammar 'strict-infix)
                   (error "textual-split: empty text with strict-infix grammar")
                   '()))
              ((zero? m) (map (lambda (c) (wrap (string c))) (string->list s)))
              (else
               (let loop ((start 0) (i 0) (splits 0) (acc '()))
                 (cond ((or (> (+ i m) n) (and limit (>= splits limit)))
                        (let ((words (reverse (cons (wrap (substring s start n)) acc))))
                          (let* ((words (if (and (eq? grammar 'prefix) (pair? words)
                                                 (zero? (text-length (car words))))
                                            (cdr words)
                                            words))
                                 (words (if (and (eq? grammar 'suffix) (pair? words)
                                                 (zero? (text-length (car (reverse words)))))
                                            (reverse (cdr (reverse words)))
                                            words)))
                            words)))
                       ((string=? d (substring s i (+ i m)))
                        (loop (+ i m) (+ i m) (+ splits 1) (cons (wrap (substring s start i)) acc)))
                       (else (loop start (+ i 1) splits acc))))))))))
