/**
 * Keeps the newsroom's images (素材): checks an upload is really a picture, strips its metadata,
 * scales thumbnails and stores them under their content hash, on disk or in an S3-compatible store.
 */
package org.masthead.media;
