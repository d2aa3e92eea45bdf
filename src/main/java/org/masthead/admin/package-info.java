/** The back office (thin): sign-in page, dashboard, users, API tokens, and the layout other back-office pages share. */
package org.masthead.admin;
