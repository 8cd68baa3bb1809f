;; category: alloc
;; rewrite: a term rewriter in the spirit of Boyer's benchmark: rules
;; indexed by operator turn connectives into if-expressions, fold constant
;; tests and normalize nested ifs; a tautology checker then decides the results.
(define rules
  '(((and p q) (if p (if q t f) f))
    ((or p q) (if p t (if q t f)))
    ((not p) (if p f t))
    ((implies p q) (if p (if q t f) t))
    ((iff p q) (and (implies p q) (implies q p)))
    ((xor p q) (not (iff p q)))
    ((if t x y) x)
    ((if f x y) y)
    ((if x t f) x)
    ((if (if a b c) d e) (if a (if b d e) (if c d e)))))

;; Rules grouped by the operator they rewrite: ((op rule ...) ...).
(define (index-rules rules)
  (let loop ((rules rules) (table '()))
    (if (null? rules)
        table
        (let* ((op (car (car (car rules)))) (entry (assq op table)))
          (if entry
              (begin (set-cdr! entry (append (cdr entry) (list (car rules)))) (loop (cdr rules) table))
              (loop (cdr rules) (cons (list op (car rules)) table)))))))

(define table (index-rules rules))

(define (constant? x) (or (eq? x 't) (eq? x 'f)))

;; One-way matching of pattern against term; returns bindings or #f.
(define (match pat term binds)
  (cond ((not binds) #f)
        ((pair? pat)
         (and (pair? term) (eq? (car pat) (car term))
              (let loop ((ps (cdr pat)) (ts (cdr term)) (b binds))
                (cond ((null? ps) (and (null? ts) b))
                      ((null? ts) #f)
                      (else (loop (cdr ps) (cdr ts) (match (car ps) (car ts) b)))))))
        ((constant? pat) (and (eq? pat term) binds))
        (else
         (let ((old (assq pat binds)))
           (cond ((not old) (cons (cons pat term) binds))
                 ((equal? (cdr old) term) binds)
                 (else #f))))))

(define (instantiate t binds)
  (cond ((pair? t) (cons (car t) (map (lambda (x) (instantiate x binds)) (cdr t))))
        ((assq t binds) => cdr)
        (else t)))

(define (rewrite t)
  (if (pair? t)
      (rewrite-top (cons (car t) (map rewrite (cdr t))))
      t))

(define (rewrite-top t)
  (let ((entry (assq (car t) table)))
    (if (not entry)
        t
        (let loop ((rs (cdr entry)))
          (if (null? rs)
              t
              (let ((b (match (car (car rs)) t '())))
                (if b
                    (rewrite (instantiate (cadr (car rs)) b))
                    (loop (cdr rs)))))))))

(define (true? x l) (or (eq? x 't) (member x l)))
(define (false? x l) (or (eq? x 'f) (member x l)))

(define (tautology? x tl fl)
  (cond ((true? x tl) #t)
        ((false? x fl) #f)
        ((and (pair? x) (eq? (car x) 'if))
         (let ((c (cadr x)))
           (cond ((true? c tl) (tautology? (caddr x) tl fl))
                 ((false? c fl) (tautology? (cadddr x) tl fl))
                 (else (and (tautology? (caddr x) (cons c tl) fl)
                            (tautology? (cadddr x) tl (cons c fl)))))))
        (else #f)))

(define (var i) (string->symbol (string-append "a" (number->string i))))

;; (implies (and (implies a1 a2) ... (implies a(n-1) an)) (implies a1 an)),
;; or with the conclusion reversed (not a tautology).
(define (chain n reversed)
  (let loop ((i (- n 1)) (hyp 't))
    (if (= i 0)
        (list 'implies hyp (if reversed (list 'implies (var n) (var 1)) (list 'implies (var 1) (var n))))
        (loop (- i 1) (list 'and (list 'implies (var i) (var (+ i 1))) hyp)))))

(define (size t) (if (pair? t) (+ 1 (apply + (map size (cdr t)))) 1))

(define (run n)
  (let ((a (rewrite (chain n #f)))
        (b (rewrite (chain n #t)))
        (c (rewrite (list 'iff (chain 4 #f) (list 'xor (var 1) (var 2))))))
    (+ (if (tautology? a '() '()) 1 0)
       (if (tautology? b '() '()) 10 0)
       (if (tautology? c '() '()) 100 0)
       (* 1000 (+ (size a) (size b) (size c))))))

(define (repeat k)
  (let loop ((i 0) (r 0))
    (if (= i k) r (loop (+ i 1) (+ r (run 10))))))

(display "rewrite 10 x 4 = ")
(display (repeat 4))
(newline)
