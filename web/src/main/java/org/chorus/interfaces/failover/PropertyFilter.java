package org.chorus.interfaces.failover;

import java.io.ObjectInputFilter;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.chorus.infrastructure.serialization.ValueFilters;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The filter every restored user property value is read through, from {@code chorus.user-properties.filter} (an
 * {@code ObjectInputFilter} pattern; default {@link ValueFilters#DEFAULT}): built when the application starts, so that
 * a malformed pattern fails the deployment instead of every resume.
 */
@ApplicationScoped
public class PropertyFilter {

    private static final Logger LOG = Logger.getLogger(PropertyFilter.class);

    @Inject
    @ConfigProperty(name = "chorus.user-properties.filter", defaultValue = ValueFilters.DEFAULT)
    String pattern;

    private volatile ObjectInputFilter filter;

    void boot(@Observes @Initialized(ApplicationScoped.class) Object started) {
        get();
        LOG.debugf("User properties are restored through the filter %s", pattern);
    }

    /** The filter of {@code chorus.user-properties.filter}. */
    public ObjectInputFilter get() {
        ObjectInputFilter built = filter;
        if (built == null) {
            built = ValueFilters.of(pattern);
            filter = built;
        }
        return built;
    }
}
