package org.magentokafka.auth;

import java.util.Objects;

/** What an activated integration gives: consumer key/secret and access token/secret. */
public record OAuth1Credentials(String consumerKey, String consumerSecret, String accessToken,
                                String accessTokenSecret) {

    public OAuth1Credentials {
        Objects.requireNonNull(consumerKey, "consumerKey");
        Objects.requireNonNull(consumerSecret, "consumerSecret");
        Objects.requireNonNull(accessToken, "accessToken");
        Objects.requireNonNull(accessTokenSecret, "accessTokenSecret");
    }

    /** The consumer key identifies the integration in logs; everything else stays hidden. */
    @Override
    public String toString() {
        return "OAuth1Credentials[consumerKey=" + consumerKey + ", consumerSecret=****, accessToken=****,"
               + " accessTokenSecret=****]";
    }
}
