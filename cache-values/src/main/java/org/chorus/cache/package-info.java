/**
 * The typed values Chorus keeps in its Infinispan caches, with the ProtoStream schema that marshals them.
 */
package org.chorus.cache;
