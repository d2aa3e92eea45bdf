/** Articles (文章): the aggregate, saving and updating, the read models the site and API show, and their events. */
package org.masthead.article;
