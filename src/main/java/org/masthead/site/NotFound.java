package org.masthead.site;

/** Thrown by a page controller when the address names nothing readers may see. */
class NotFound extends RuntimeException {

    NotFound(String what) {
        super(what, null, false, false);
    }
}
