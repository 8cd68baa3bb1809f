;; category: call
;; triangle: peg solitaire on a triangular board of 15 holes (Gabriel's
;; triangle): counts the move sequences that end with a single peg, from a
;; board with one hole after a fixed opening of two jumps.  The jump table
;; is derived from the board's geometry.
(define (hole row col) (+ (quotient (* row (+ row 1)) 2) col))
(define (on-board? row col) (and (>= row 0) (< row 5) (>= col 0) (<= col row)))

;; Every (from over to) jump along the board's three directions, both ways.
(define jumps
  (let loop ((row 0) (col 0) (acc '()))
    (cond ((= row 5) (list->vector (reverse acc)))
          ((> col row) (loop (+ row 1) 0 acc))
          (else
           (loop row (+ col 1)
                 (let dirs ((ds '((0 1) (1 0) (1 1) (0 -1) (-1 0) (-1 -1))) (acc acc))
                   (if (null? ds)
                       acc
                       (let ((dr (car (car ds))) (dc (cadr (car ds))))
                         (dirs (cdr ds)
                               (if (on-board? (+ row dr dr) (+ col dc dc))
                                   (cons (vector (hole row col) (hole (+ row dr) (+ col dc))
                                                 (hole (+ row dr dr) (+ col dc dc)))
                                         acc)
                                   acc))))))))))

(define (solutions board pegs)
  (if (= pegs 1)
      1
      (let loop ((j 0) (count 0))
        (if (= j (vector-length jumps))
            count
            (let* ((m (vector-ref jumps j))
                   (from (vector-ref m 0)) (over (vector-ref m 1)) (to (vector-ref m 2)))
              (loop (+ j 1)
                    (if (legal? board m)
                        (begin
                          (vector-set! board from #f) (vector-set! board over #f) (vector-set! board to #t)
                          (let ((n (solutions board (- pegs 1))))
                            (vector-set! board from #t) (vector-set! board over #t) (vector-set! board to #f)
                            (+ count n)))
                        count)))))))

(define (legal? board m)
  (and (vector-ref board (vector-ref m 0)) (vector-ref board (vector-ref m 1))
       (not (vector-ref board (vector-ref m 2)))))

;; Counts the solutions from the board with one hole after an opening
;; that makes, for each k in the list, the legal jump that comes k-th in
;; the table.
(define (start empty opening)
  (let ((board (make-vector 15 #t)))
    (vector-set! board empty #f)
    (let loop ((opening opening) (pegs 14))
      (if (null? opening)
          (solutions board pegs)
          (let find ((j 0) (skip (car opening)))
            (let ((m (vector-ref jumps j)))
              (cond ((not (legal? board m)) (find (+ j 1) skip))
                    ((> skip 0) (find (+ j 1) (- skip 1)))
                    (else
                     (vector-set! board (vector-ref m 0) #f) (vector-set! board (vector-ref m 1) #f)
                     (vector-set! board (vector-ref m 2) #t)
                     (loop (cdr opening) (- pegs 1))))))))))

(display "triangle = ")
(display (list (vector-length jumps) (start 4 '(0 1))))
(newline)
