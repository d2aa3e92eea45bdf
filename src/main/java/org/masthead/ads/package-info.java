/** Ad slots (广告位): named places on pages and what each shows. */
package org.masthead.ads;
