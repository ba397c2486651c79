package org.magentokafka.packaged;

import org.magentokafka.sandbox.SandboxStore;

/** The same store, a wrong token. */
public class BadTokenResource extends SandboxAndBrokerResource {

    @Override
    protected String token(SandboxStore store) {
        return "a-wrong-token";
    }
}
