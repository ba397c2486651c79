package org.magentokafka.auth;

import java.net.URI;

/** The fields Magento POSTs to the Callback URL when an admin clicks "Activate", validated. */
public record CallbackForm(String consumerKey, String consumerSecret, URI storeBaseUrl, String verifier) {

    @Override
    public String toString() {
        return "CallbackForm[consumerKey=" + consumerKey + ", storeBaseUrl=" + storeBaseUrl
               + ", consumerSecret=****, verifier=****]";
    }
}
