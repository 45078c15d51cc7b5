/** JSON-P for every module of the application, with the provider looked up once. */
package org.chorus.infrastructure.json;
