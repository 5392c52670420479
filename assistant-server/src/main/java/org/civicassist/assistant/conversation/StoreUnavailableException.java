package org.civicassist.assistant.conversation;

import io.lettuce.core.RedisException;
import org.springframework.dao.DataAccessException;

/** The store could not be reached or did not answer in time (Redis down, network trouble). Retrying later helps. */
public class StoreUnavailableException extends RuntimeException {

    public StoreUnavailableException(String operation, Throwable cause) {
        super(operation + " failed: the store is unavailable", cause);
    }

    /** Connection failures and timeouts of Redis, as Spring Data translates them or as Lettuce raises them. */
    public static boolean isRedisFailure(Throwable e) {
        return e instanceof DataAccessException || e instanceof RedisException;
    }
}
