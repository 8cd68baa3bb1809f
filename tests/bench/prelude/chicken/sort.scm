(import (chicken sort))
(define (bench-list-sort less? l) (sort l less?))
(define (bench-vector-sort less? v) (sort v less?))
