package org.civicassist.assistant.security;

import org.civicassist.assistant.audit.InMemoryAuditLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import java.time.Clock;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@ExtendWith(OutputCaptureExtension.class)
class BootstrapAdministratorTest {

    final InMemoryStaffAccounts accounts = new InMemoryStaffAccounts();
    final BCryptPasswordEncoder encoder = new BCryptPasswordEncoder(4);
    final AccountService service = new AccountService(accounts, encoder, new InMemoryAuditLog(10),
            Clock.systemUTC());

    @Test
    void without_settings_a_random_password_is_generated_and_logged_once(CapturedOutput output) {
        new BootstrapAdministrator(accounts, service, new StaffProperties.Bootstrap(null, null, null)).run(null);
        new BootstrapAdministrator(accounts, service, new StaffProperties.Bootstrap(null, null, null)).run(null);

        Matcher m = Pattern.compile("generated password: (\\S+)").matcher(output.getOut());
        assertThat(m.find()).isTrue();
        String password = m.group(1);
        assertThat(m.find()).as("logged once").isFalse();
        StaffAccount admin = accounts.find("admin").block();
        assertThat(admin.roles()).contains(Role.ADMIN);
        assertThat(admin.passwordHash()).doesNotContain(password).startsWith("$2");
        assertThat(encoder.matches(password, admin.passwordHash())).isTrue();
    }

    @Test
    void with_settings_the_named_administrator_is_created_with_that_password(CapturedOutput output) {
        new BootstrapAdministrator(accounts, service,
                new StaffProperties.Bootstrap("chief", "chosen-password-1", "主任")).run(null);

        StaffAccount chief = accounts.find("chief").block();
        assertThat(encoder.matches("chosen-password-1", chief.passwordHash())).isTrue();
        assertThat(chief.displayName()).isEqualTo("主任");
        assertThat(output.getOut()).doesNotContain("chosen-password-1");
        assertThat(accounts.find("admin").blockOptional()).isEmpty();
    }

    @Test
    void a_too_short_bootstrap_password_or_half_the_settings_fail_the_start() {
        assertThatThrownBy(() -> new BootstrapAdministrator(accounts, service,
                new StaffProperties.Bootstrap("chief", "short", null)).run(null)).hasMessageContaining("password");
        assertThatThrownBy(() -> new BootstrapAdministrator(accounts, service,
                new StaffProperties.Bootstrap("chief", null, null)).run(null)).hasMessageContaining("both");
    }
}
