/**
 * Classes that break the map on purpose, so that the architecture test can show each of its rules
 * fails on a forbidden dependency. Test sources only; nothing calls them.
 */
package org.thinkpress.search.forbidden;
