import { MigrationInterface, QueryRunner } from 'typeorm';

export class Registry1795958975916 implements MigrationInterface {
  name = 'Registry1795958975916';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE \`audit_log\` (\`id\` int NOT NULL AUTO_INCREMENT, \`at\` datetime(3) NOT NULL, \`actor_id\` varchar(36) NULL, \`actor_username\` varchar(64) NOT NULL, \`actor_role\` varchar(20) NOT NULL, \`action\` varchar(64) NOT NULL, \`entity\` varchar(40) NOT NULL, \`entity_id\` varchar(64) NOT NULL, \`county_id\` varchar(6) NULL, \`before\` text NULL, \`after\` text NULL, \`request_id\` varchar(64) NULL, INDEX \`IDX_04a0c85a4472757ac1ca559a19\` (\`county_id\`, \`at\`), INDEX \`IDX_40c0e9a60edcd0f680b0e94b60\` (\`entity\`, \`entity_id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`city\` (\`id\` varchar(6) NOT NULL, \`name\` varchar(50) NOT NULL, \`name_en\` varchar(50) NOT NULL, \`zone\` varchar(10) NOT NULL, PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`county\` (\`id\` varchar(6) NOT NULL, \`city_id\` varchar(6) NOT NULL, \`name\` varchar(50) NOT NULL, INDEX \`IDX_1be0f29298caba14ff8655ec2e\` (\`city_id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`school_cluster\` (\`id\` varchar(36) NOT NULL, \`county_id\` varchar(6) NOT NULL, \`kind\` varchar(10) NOT NULL, \`name\` varchar(100) NOT NULL, \`created_at\` datetime(3) NOT NULL, UNIQUE INDEX \`IDX_10c8fb5783a694b87b601ff233\` (\`county_id\`, \`kind\`, \`name\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`school\` (\`id\` varchar(36) NOT NULL, \`county_id\` varchar(6) NOT NULL, \`code\` varchar(32) NOT NULL, \`name\` varchar(100) NOT NULL, \`stage\` varchar(20) NOT NULL, \`township_central\` tinyint NOT NULL DEFAULT 0, \`boarding\` tinyint NOT NULL DEFAULT 0, \`group_id\` varchar(36) NULL, \`district_id\` varchar(36) NULL, \`headcount_milli\` int NULL, \`headcount_as_of\` date NULL, \`version\` int NOT NULL DEFAULT '1', \`created_at\` datetime(3) NOT NULL, \`updated_at\` datetime(3) NOT NULL, INDEX \`IDX_dd49042cee20a85b0e8299de81\` (\`county_id\`, \`name\`), UNIQUE INDEX \`IDX_3deac16d644932838b5cb96eb6\` (\`county_id\`, \`code\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`school_enrolment\` (\`id\` varchar(36) NOT NULL, \`school_id\` varchar(36) NOT NULL, \`school_year\` int NOT NULL, \`boarders\` int NOT NULL DEFAULT '0', \`version\` int NOT NULL DEFAULT '1', \`updated_at\` datetime(3) NOT NULL, UNIQUE INDEX \`IDX_2ed2cadbd46369e13cd4ed6d78\` (\`school_id\`, \`school_year\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`enrolment_grade\` (\`enrolment_id\` varchar(36) NOT NULL, \`grade\` int NOT NULL, \`students\` int NOT NULL, \`classes\` int NOT NULL, PRIMARY KEY (\`enrolment_id\`, \`grade\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`login_attempt\` (\`id\` int NOT NULL AUTO_INCREMENT, \`username\` varchar(64) NOT NULL, \`ip\` varchar(64) NOT NULL, \`succeeded\` tinyint NOT NULL, \`attempted_at\` datetime(3) NOT NULL, INDEX \`IDX_c6a71484e46a23dfc4d3616780\` (\`ip\`, \`attempted_at\`), INDEX \`IDX_1fe411a0517943d24d28a9189a\` (\`username\`, \`attempted_at\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`policy_version\` (\`id\` varchar(64) NOT NULL, \`effective_from\` date NOT NULL, \`title\` varchar(200) NOT NULL, \`document\` text NOT NULL, \`published_at\` datetime(3) NOT NULL, \`published_by\` varchar(36) NULL, INDEX \`IDX_88c7f5fefa260e4281ec328e07\` (\`effective_from\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`teacher_extra_subject\` (\`teacher_id\` varchar(36) NOT NULL, \`subject\` varchar(30) NOT NULL, \`fraction_milli\` int NOT NULL, PRIMARY KEY (\`teacher_id\`, \`subject\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`teacher\` (\`id\` varchar(36) NOT NULL, \`county_id\` varchar(6) NOT NULL, \`staff_no\` varchar(32) NOT NULL, \`name\` varchar(50) NOT NULL, \`gender\` varchar(6) NOT NULL, \`birth_date\` date NOT NULL, \`hire_date\` date NOT NULL, \`on_quota\` tinyint NOT NULL, \`subject\` varchar(30) NOT NULL, \`title_level\` varchar(20) NOT NULL, \`title_since\` date NULL, \`backbone\` varchar(10) NOT NULL, \`psychology\` varchar(10) NOT NULL, \`post\` varchar(20) NOT NULL, \`version\` int NOT NULL DEFAULT '1', \`created_at\` datetime(3) NOT NULL, \`updated_at\` datetime(3) NOT NULL, INDEX \`IDX_bc3d78c2bb47321d61e3afd64a\` (\`county_id\`, \`name\`), UNIQUE INDEX \`IDX_d62349bae0007050f5cf110156\` (\`county_id\`, \`staff_no\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`posting\` (\`id\` varchar(36) NOT NULL, \`teacher_id\` varchar(36) NOT NULL, \`school_id\` varchar(36) NOT NULL, \`start_date\` date NOT NULL, \`end_date\` date NULL, \`kind\` varchar(12) NOT NULL, \`fraction_milli\` int NOT NULL, \`version\` int NOT NULL DEFAULT '1', \`created_at\` datetime(3) NOT NULL, \`updated_at\` datetime(3) NOT NULL, INDEX \`IDX_f6256abc99765ff9b923405009\` (\`school_id\`, \`start_date\`), INDEX \`IDX_d6d1ad7e43d99ad119d81078b3\` (\`teacher_id\`, \`start_date\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`school_classification\` (\`id\` varchar(36) NOT NULL, \`school_id\` varchar(36) NOT NULL, \`effective_from\` date NOT NULL, \`location\` varchar(10) NULL, \`weak\` tinyint NULL, \`created_at\` datetime(3) NOT NULL, UNIQUE INDEX \`IDX_0be163840833c7d1d3fbb24d8d\` (\`school_id\`, \`effective_from\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`app_user\` (\`id\` varchar(36) NOT NULL, \`username\` varchar(64) NOT NULL, \`password_hash\` varchar(255) NOT NULL, \`role\` varchar(20) NOT NULL, \`city_id\` varchar(6) NULL, \`county_id\` varchar(6) NULL, \`school_id\` varchar(36) NULL, \`teacher_id\` varchar(36) NULL, \`active\` tinyint NOT NULL DEFAULT 1, \`version\` int NOT NULL DEFAULT '1', \`created_at\` datetime(3) NOT NULL, \`last_login_at\` datetime(3) NULL, INDEX \`IDX_a5959edb1f407d782b0d8b4ed7\` (\`county_id\`), UNIQUE INDEX \`IDX_c480e576dd71729addbc2d51b6\` (\`username\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`ALTER TABLE \`county\` ADD CONSTRAINT \`FK_1be0f29298caba14ff8655ec2ed\` FOREIGN KEY (\`city_id\`) REFERENCES \`city\`(\`id\`) ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE \`school_cluster\` ADD CONSTRAINT \`FK_d4da3de44cd719832c32de75977\` FOREIGN KEY (\`county_id\`) REFERENCES \`county\`(\`id\`) ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE \`school\` ADD CONSTRAINT \`FK_08dbab1eb1ee2b38f648a1aabf9\` FOREIGN KEY (\`county_id\`) REFERENCES \`county\`(\`id\`) ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE \`school\` ADD CONSTRAINT \`FK_7f52d5dbba93ba26806f370b25c\` FOREIGN KEY (\`group_id\`) REFERENCES \`school_cluster\`(\`id\`) ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE \`school\` ADD CONSTRAINT \`FK_a9d75b35e8ce9a02aa7d4025fc1\` FOREIGN KEY (\`district_id\`) REFERENCES \`school_cluster\`(\`id\`) ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE \`school_enrolment\` ADD CONSTRAINT \`FK_0e4b816a141fdbecc53dbdacafb\` FOREIGN KEY (\`school_id\`) REFERENCES \`school\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE \`enrolment_grade\` ADD CONSTRAINT \`FK_3c47aa8fdb8959124eb84994382\` FOREIGN KEY (\`enrolment_id\`) REFERENCES \`school_enrolment\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE \`teacher_extra_subject\` ADD CONSTRAINT \`FK_d5f2f1cfc32d867b8717c3a47e3\` FOREIGN KEY (\`teacher_id\`) REFERENCES \`teacher\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE \`teacher\` ADD CONSTRAINT \`FK_29186b65dceee4022e6469808d0\` FOREIGN KEY (\`county_id\`) REFERENCES \`county\`(\`id\`) ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE \`posting\` ADD CONSTRAINT \`FK_bfc6425473fc86d15a60dd1762d\` FOREIGN KEY (\`teacher_id\`) REFERENCES \`teacher\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE \`posting\` ADD CONSTRAINT \`FK_01d23d04ac354269b866f3c23d0\` FOREIGN KEY (\`school_id\`) REFERENCES \`school\`(\`id\`) ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE \`school_classification\` ADD CONSTRAINT \`FK_91918fcae1282aaadc5035036d2\` FOREIGN KEY (\`school_id\`) REFERENCES \`school\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE \`app_user\` ADD CONSTRAINT \`FK_59fb93aae2d95bb2ef768120641\` FOREIGN KEY (\`city_id\`) REFERENCES \`city\`(\`id\`) ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE \`app_user\` ADD CONSTRAINT \`FK_a5959edb1f407d782b0d8b4ed77\` FOREIGN KEY (\`county_id\`) REFERENCES \`county\`(\`id\`) ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE \`app_user\` ADD CONSTRAINT \`FK_2692867cd64951048bdb4ec7c9c\` FOREIGN KEY (\`school_id\`) REFERENCES \`school\`(\`id\`) ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE \`app_user\` ADD CONSTRAINT \`FK_808fbe372b1eb738a60cdce5825\` FOREIGN KEY (\`teacher_id\`) REFERENCES \`teacher\`(\`id\`) ON DELETE RESTRICT ON UPDATE NO ACTION`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`app_user\` DROP FOREIGN KEY \`FK_808fbe372b1eb738a60cdce5825\``);
    await queryRunner.query(`ALTER TABLE \`app_user\` DROP FOREIGN KEY \`FK_2692867cd64951048bdb4ec7c9c\``);
    await queryRunner.query(`ALTER TABLE \`app_user\` DROP FOREIGN KEY \`FK_a5959edb1f407d782b0d8b4ed77\``);
    await queryRunner.query(`ALTER TABLE \`app_user\` DROP FOREIGN KEY \`FK_59fb93aae2d95bb2ef768120641\``);
    await queryRunner.query(`ALTER TABLE \`school_classification\` DROP FOREIGN KEY \`FK_91918fcae1282aaadc5035036d2\``);
    await queryRunner.query(`ALTER TABLE \`posting\` DROP FOREIGN KEY \`FK_01d23d04ac354269b866f3c23d0\``);
    await queryRunner.query(`ALTER TABLE \`posting\` DROP FOREIGN KEY \`FK_bfc6425473fc86d15a60dd1762d\``);
    await queryRunner.query(`ALTER TABLE \`teacher\` DROP FOREIGN KEY \`FK_29186b65dceee4022e6469808d0\``);
    await queryRunner.query(`ALTER TABLE \`teacher_extra_subject\` DROP FOREIGN KEY \`FK_d5f2f1cfc32d867b8717c3a47e3\``);
    await queryRunner.query(`ALTER TABLE \`enrolment_grade\` DROP FOREIGN KEY \`FK_3c47aa8fdb8959124eb84994382\``);
    await queryRunner.query(`ALTER TABLE \`school_enrolment\` DROP FOREIGN KEY \`FK_0e4b816a141fdbecc53dbdacafb\``);
    await queryRunner.query(`ALTER TABLE \`school\` DROP FOREIGN KEY \`FK_a9d75b35e8ce9a02aa7d4025fc1\``);
    await queryRunner.query(`ALTER TABLE \`school\` DROP FOREIGN KEY \`FK_7f52d5dbba93ba26806f370b25c\``);
    await queryRunner.query(`ALTER TABLE \`school\` DROP FOREIGN KEY \`FK_08dbab1eb1ee2b38f648a1aabf9\``);
    await queryRunner.query(`ALTER TABLE \`school_cluster\` DROP FOREIGN KEY \`FK_d4da3de44cd719832c32de75977\``);
    await queryRunner.query(`ALTER TABLE \`county\` DROP FOREIGN KEY \`FK_1be0f29298caba14ff8655ec2ed\``);
    await queryRunner.query(`DROP INDEX \`IDX_c480e576dd71729addbc2d51b6\` ON \`app_user\``);
    await queryRunner.query(`DROP INDEX \`IDX_a5959edb1f407d782b0d8b4ed7\` ON \`app_user\``);
    await queryRunner.query(`DROP TABLE \`app_user\``);
    await queryRunner.query(`DROP INDEX \`IDX_0be163840833c7d1d3fbb24d8d\` ON \`school_classification\``);
    await queryRunner.query(`DROP TABLE \`school_classification\``);
    await queryRunner.query(`DROP INDEX \`IDX_d6d1ad7e43d99ad119d81078b3\` ON \`posting\``);
    await queryRunner.query(`DROP INDEX \`IDX_f6256abc99765ff9b923405009\` ON \`posting\``);
    await queryRunner.query(`DROP TABLE \`posting\``);
    await queryRunner.query(`DROP INDEX \`IDX_d62349bae0007050f5cf110156\` ON \`teacher\``);
    await queryRunner.query(`DROP INDEX \`IDX_bc3d78c2bb47321d61e3afd64a\` ON \`teacher\``);
    await queryRunner.query(`DROP TABLE \`teacher\``);
    await queryRunner.query(`DROP TABLE \`teacher_extra_subject\``);
    await queryRunner.query(`DROP INDEX \`IDX_88c7f5fefa260e4281ec328e07\` ON \`policy_version\``);
    await queryRunner.query(`DROP TABLE \`policy_version\``);
    await queryRunner.query(`DROP INDEX \`IDX_1fe411a0517943d24d28a9189a\` ON \`login_attempt\``);
    await queryRunner.query(`DROP INDEX \`IDX_c6a71484e46a23dfc4d3616780\` ON \`login_attempt\``);
    await queryRunner.query(`DROP TABLE \`login_attempt\``);
    await queryRunner.query(`DROP TABLE \`enrolment_grade\``);
    await queryRunner.query(`DROP INDEX \`IDX_2ed2cadbd46369e13cd4ed6d78\` ON \`school_enrolment\``);
    await queryRunner.query(`DROP TABLE \`school_enrolment\``);
    await queryRunner.query(`DROP INDEX \`IDX_3deac16d644932838b5cb96eb6\` ON \`school\``);
    await queryRunner.query(`DROP INDEX \`IDX_dd49042cee20a85b0e8299de81\` ON \`school\``);
    await queryRunner.query(`DROP TABLE \`school\``);
    await queryRunner.query(`DROP INDEX \`IDX_10c8fb5783a694b87b601ff233\` ON \`school_cluster\``);
    await queryRunner.query(`DROP TABLE \`school_cluster\``);
    await queryRunner.query(`DROP INDEX \`IDX_1be0f29298caba14ff8655ec2e\` ON \`county\``);
    await queryRunner.query(`DROP TABLE \`county\``);
    await queryRunner.query(`DROP TABLE \`city\``);
    await queryRunner.query(`DROP INDEX \`IDX_40c0e9a60edcd0f680b0e94b60\` ON \`audit_log\``);
    await queryRunner.query(`DROP INDEX \`IDX_04a0c85a4472757ac1ca559a19\` ON \`audit_log\``);
    await queryRunner.query(`DROP TABLE \`audit_log\``);
  }
}
