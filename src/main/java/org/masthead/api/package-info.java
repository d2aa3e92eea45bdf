/** The REST API under /api/v1 (thin): import and read articles as JSON. */
package org.masthead.api;
