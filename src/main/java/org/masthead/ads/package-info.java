/** Ad slots (广告位): placements on the pages, creatives rotated by weight within their schedule, impressions and clicks counted per day. */
package org.masthead.ads;
