;;; (srfi 41 derived): the stream operators (srfi 41) derives from its
;;; primitives.
(define-library (srfi 41 derived)
  (import (srfi 41))
  (export define-stream list->stream port->stream stream stream->list
          stream-append stream-concat stream-constant stream-drop
          stream-drop-while stream-filter stream-fold stream-for-each
          stream-from stream-iterate stream-length stream-let stream-map
          stream-match stream-of stream-range stream-ref stream-reverse
          stream-scan stream-take stream-take-while stream-unfold
          stream-unfolds stream-zip))
